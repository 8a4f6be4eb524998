/* What the host's kernel charges a thread's CPU clock for one reading of it: the model reads that clock before every
   driver call and takes off a cost it measured once at start-up, so this figure against the work between two driver
   calls says how much its count can be off (docs/speed.md). */
#include <stdio.h>
#include <time.h>

static long long thread_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    const int reads = 200000;
    long long start = thread_ns();
    for (int i = 0; i < reads; i++) thread_ns();
    printf("clock_gettime(CLOCK_THREAD_CPUTIME_ID): %lld ns of thread CPU per call\n", (thread_ns() - start) / reads);
    return 0;
}
