using System;
using System.Collections.Generic;
using SerprogNano.Host.Spi;

namespace SerprogNano.Host.Serprog
{
    /// <summary>The SPI bus of a serprog programmer: a batch becomes O_SPIOPs pipelined through the client.</summary>
    public sealed class SerprogSpiMaster : ISpiMaster
    {
        private readonly SerprogClient _client;

        public SerprogSpiMaster(SerprogClient client)
        {
            ArgumentNullException.ThrowIfNull(client);
            _client = client;
        }

        public string Description => "serprog programmer \"" + _client.ProgrammerName + "\" on " + _client.Transport.Description;

        public int MaxWriteLength => _client.MaxWriteLength;

        public int MaxReadLength => _client.MaxReadLength;

        public bool SendsAhead => !_client.Driving.StopAndWait;

        public void Execute(IReadOnlyList<SpiTransaction> batch)
        {
            ArgumentNullException.ThrowIfNull(batch);
            for (int i = 0; i < batch.Count; i++)
            {
                SpiTransaction transaction = batch[i];
                _client.QueueSpiOperation(transaction.Write.Span, transaction.Read, transaction.Label);
            }

            _client.Flush();
        }
    }
}
