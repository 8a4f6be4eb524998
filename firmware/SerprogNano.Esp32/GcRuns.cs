#if DEBUG
using System;

namespace SerprogNano.Esp32
{
    /// <summary>
    /// Debug builds only: counts the garbage collections nanoCLR has run, for the allocation figures
    /// (nanoFramework's managed API has no GC counter). A sentinel object that nothing references is
    /// finalized after every collection and registers itself again.
    /// </summary>
    public sealed class GcRuns
    {
        private static int _count;

        private GcRuns()
        {
        }

        public static int Count
        {
            get { return _count; }
        }

        /// <summary>Plants the first sentinel; call once at start-up.</summary>
        public static void Start()
        {
            new GcRuns();
        }

        ~GcRuns()
        {
            _count++;
            GC.ReRegisterForFinalize(this);
        }
    }
}
#endif
