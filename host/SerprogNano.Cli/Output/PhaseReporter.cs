using System;
using SerprogNano.Host.Operations;

namespace SerprogNano.Cli.Output
{
    /// <summary>Turns a flash layer's bytes-done reports into one named phase of <see cref="OperationProgress"/>.</summary>
    public sealed class PhaseReporter : IProgress<long>
    {
        private readonly IProgress<OperationProgress> _target;
        private readonly string _phase;
        private readonly long _total;

        public PhaseReporter(IProgress<OperationProgress> target, string phase, long total)
        {
            _target = target;
            _phase = phase;
            _total = total;
            target.Report(new OperationProgress(phase, 0, total));
        }

        public void Report(long value) => _target.Report(new OperationProgress(_phase, value, _total));
    }
}
