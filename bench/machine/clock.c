/* Measures the clock one core actually runs at (a VM's /proc/cpuinfo shows only the nominal TSC rate) and the
 * float32 FMA throughput it reaches, the two numbers the theoretical peak in BENCHMARKS.md is computed from.
 *   Clock: a chain of dependent integer adds retires one add per cycle on every x86 core since the Pentium Pro.
 *   FMA: 12 independent accumulator chains of 256-bit and 512-bit fused multiply-adds.
 * Build and run: bench/machine/machine.sh */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double clock_ghz(void) {
    const long trips = 200000000;
    long x = 0;
    double start = now();
    for (long i = 0; i < trips; i++) {
        __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\t"
                         "add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
    }
    return 8.0 * trips / (now() - start) / 1e9;
}

#define CHAINS 12
static double fma256_gflops(void) {
    const long trips = 50000000;
    __m256 a[CHAINS], m = _mm256_set1_ps(0.9999f), c = _mm256_set1_ps(1e-4f);
    for (int j = 0; j < CHAINS; j++) a[j] = _mm256_set1_ps(1.0f + j);
    double start = now();
    for (long i = 0; i < trips; i++)
        for (int j = 0; j < CHAINS; j++) a[j] = _mm256_fmadd_ps(a[j], m, c);
    double seconds = now() - start;
    float sink = 0;
    for (int j = 0; j < CHAINS; j++) sink += _mm256_cvtss_f32(a[j]);
    if (sink == 12345.f) puts("");
    return trips * CHAINS * 16.0 / seconds / 1e9;
}

static double fma512_gflops(void) {
    const long trips = 50000000;
    __m512 a[CHAINS], m = _mm512_set1_ps(0.9999f), c = _mm512_set1_ps(1e-4f);
    for (int j = 0; j < CHAINS; j++) a[j] = _mm512_set1_ps(1.0f + j);
    double start = now();
    for (long i = 0; i < trips; i++)
        for (int j = 0; j < CHAINS; j++) a[j] = _mm512_fmadd_ps(a[j], m, c);
    double seconds = now() - start;
    float sink = 0;
    for (int j = 0; j < CHAINS; j++) sink += _mm512_cvtss_f32(a[j]);
    if (sink == 12345.f) puts("");
    return trips * CHAINS * 32.0 / seconds / 1e9;
}

int main(void) {
    double best = 0;
    for (int i = 0; i < 5; i++) {
        double g = clock_ghz();
        if (g > best) best = g;
    }
    printf("measured core clock: %.2f GHz (best of 5 dependent-add runs)\n", best);
    printf("float32 FMA, 256-bit: %.1f GFLOP/s = %.1f FLOP/cycle\n", fma256_gflops(), fma256_gflops() / best);
    printf("float32 FMA, 512-bit: %.1f GFLOP/s = %.1f FLOP/cycle\n", fma512_gflops(), fma512_gflops() / best);
    return 0;
}
