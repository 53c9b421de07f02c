/* The two native phases of the diagnostics' Gram route on a 4096 × 11008 layer (issue 18), on
 * two OpenBLAS threads: dsyrk (or, for --spectrum gram-single, rounding to float, ssyrk and
 * widening the result), then dsyevd or the two-stage reduction (dsytrd_sy2sb to band width
 * kd on two threads, dsytrd_sb2st on the given count, dsterf), twice each. Wall seconds per phase:
 * the floor of `diagnoseModel` on a two-core machine (docs/diagnostics.md, "Large layers").
 * Build and run (arguments: kd, threads for the band-to-tridiagonal step):
 *   cc -O2 bench/gram-eigvalsh-phases.c -o /tmp/phases -llapacke -lopenblas && /tmp/phases 64 1 */
#include <cblas.h>
#include <lapacke.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
void dsytrd_sy2sb_(const char*, const int*, const int*, double*, const int*, double*, const int*,
                   double*, double*, const int*, int*, size_t);
void dsytrd_sb2st_(const char*, const char*, const char*, const int*, const int*, double*,
                   const int*, double*, double*, double*, const int*, double*, const int*, int*,
                   size_t, size_t, size_t);
void openblas_set_num_threads(int);
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
int main(int argc,char**argv){
  int n=11008,d=4096; int kd=argc>1?atoi(argv[1]):64; int t2=argc>2?atoi(argv[2]):1;
  double*x=malloc(sizeof(double)*n*d); srand(1); for(long i=0;i<(long)n*d;i++) x[i]=rand()/(double)RAND_MAX-0.5;
  double*g=malloc(sizeof(double)*d*d),*c=malloc(sizeof(double)*d*d),*w=malloc(sizeof(double)*d);
  float*x32=malloc(sizeof(float)*n*d),*g32=malloc(sizeof(float)*d*d);
  for(int rep=0;rep<2;rep++){
  openblas_set_num_threads(2);
  double t=now(); cblas_dsyrk(CblasColMajor,CblasLower,CblasNoTrans,d,n,1.0,x,d,0.0,g,d); printf("dsyrk %.3f\n",now()-t);
  /* The single-precision product of --spectrum gram-single: round to float, ssyrk, widen. */
  t=now(); for(long i=0;i<(long)n*d;i++) x32[i]=(float)x[i]; printf("to float %.3f\n",now()-t);
  t=now(); cblas_ssyrk(CblasColMajor,CblasLower,CblasNoTrans,d,n,1.0f,x32,d,0.0f,g32,d); printf("ssyrk %.3f\n",now()-t);
  t=now(); for(long i=0;i<(long)d*d;i++) c[i]=g32[i]; printf("widen %.3f\n",now()-t);
  memcpy(c,g,sizeof(double)*d*d); t=now(); LAPACKE_dsyevd(LAPACK_COL_MAJOR,'N','L',d,c,d,w); printf("dsyevd(2) %.3f\n",now()-t);
  memcpy(c,g,sizeof(double)*d*d);
  int ldab=kd+1,info=0,lw=-1,lh=-1; double q,hq;
  double*ab=malloc(sizeof(double)*ldab*d),*tau=malloc(8*d),*e=malloc(8*d);
  dsytrd_sy2sb_("L",&d,&kd,c,&d,ab,&ldab,tau,&q,&lw,&info,1); lw=(int)q; double*wk=malloc(8*(size_t)lw*2+8*1000000);
  t=now(); dsytrd_sy2sb_("L",&d,&kd,c,&d,ab,&ldab,tau,wk,&lw,&info,1); printf("sy2sb(2) %.3f\n",now()-t);
  openblas_set_num_threads(t2);
  int lw2=-1; dsytrd_sb2st_("Y","N","L",&d,&kd,ab,&ldab,w,e,&hq,&lh,&q,&lw2,&info,1,1,1); lh=(int)hq; lw2=(int)q; double*h=malloc(8*(size_t)lh); double*wk2=malloc(8*(size_t)lw2);
  t=now(); dsytrd_sb2st_("Y","N","L",&d,&kd,ab,&ldab,w,e,h,&lh,wk2,&lw2,&info,1,1,1); printf("sb2st %.3f\n",now()-t);
  t=now(); LAPACKE_dsterf(d,w,e); printf("dsterf %.3f\n",now()-t);
  }
}
