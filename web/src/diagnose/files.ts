/** A chosen file with its `/`-separated path relative to what the user chose or dropped. */
export interface ChosenFile {
  path: string;
  file: File;
}

/**
 * The files of an `<input type="file">` (several files, or a folder with `webkitdirectory`): a
 * folder's files keep their path inside it, so a model.json finds its shards and an index its
 * safetensors shards.
 * @example chosenFromInput(input.files)
 */
export function chosenFromInput(list: FileList | null): ChosenFile[] {
  return Array.from(list ?? []).map((file) => ({
    path: file.webkitRelativePath || file.name,
    file,
  }));
}

/**
 * The files dropped on the page, folders walked recursively (through the entries API, where the
 * browser has it) so that a dropped model folder arrives whole.
 * @example await chosenFromDrop(event.dataTransfer)
 */
export async function chosenFromDrop(transfer: DataTransfer | null): Promise<ChosenFile[]> {
  if (!transfer) return [];
  const entries = Array.from(transfer.items)
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e));
  if (entries.length === 0) return chosenFromInput(transfer.files);
  const out: ChosenFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}

async function walk(entry: FileSystemEntry, out: ChosenFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ path: entry.fullPath.replace(/^\/+/, ''), file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries answers in batches (100 in Chromium) until it returns an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out);
  }
}
