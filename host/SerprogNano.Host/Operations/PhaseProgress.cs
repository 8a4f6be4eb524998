using System;

namespace SerprogNano.Host.Operations
{
    /// <summary>Turns a layer's bytes-done reports into <see cref="OperationProgress"/> of one phase.</summary>
    internal sealed class PhaseProgress : IProgress<long>
    {
        private readonly IProgress<OperationProgress>? _target;
        private readonly string _phase;
        private readonly long _total;

        public PhaseProgress(IProgress<OperationProgress>? target, string phase, long total)
        {
            _target = target;
            _phase = phase;
            _total = total;
            _target?.Report(new OperationProgress(phase, 0, total));
        }

        public void Report(long value) => _target?.Report(new OperationProgress(_phase, value, _total));
    }
}
