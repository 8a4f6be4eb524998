/* What the host's kernel charges a thread's CPU clock for reading that clock and for a 100 us sleep: the model's
   own per-call costs, which it counts as the interpreter's CPU when they fall inside a measured interval. */
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
    const int reads = 200000, sleeps = 2000;
    struct timespec chunk = { 0, 100000 };
    long long start = thread_ns();
    for (int i = 0; i < reads; i++) thread_ns();
    long long read_ns = (thread_ns() - start) / reads;
    start = thread_ns();
    for (int i = 0; i < sleeps; i++) nanosleep(&chunk, NULL);
    long long sleep_ns = (thread_ns() - start) / sleeps;
    printf("clock_gettime(CLOCK_THREAD_CPUTIME_ID): %lld ns of thread CPU per call; nanosleep(100 us): %lld ns per call\n", read_ns, sleep_ns);
    return 0;
}
