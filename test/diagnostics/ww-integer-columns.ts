/** WeightWatcher columns that are counts: compared exactly, where the others get 1e-8 relative. */
export const WW_INTEGER_COLUMNS: ReadonlySet<string> = new Set([
  'layer_id',
  'N',
  'M',
  'rf',
  'num_evals',
  'rank_loss',
  'weak_rank_loss',
  'num_pl_spikes',
  'num_fingers',
  'num_spikes',
  'rand_num_spikes',
  'matrix_rank',
  'detX_num',
]);
