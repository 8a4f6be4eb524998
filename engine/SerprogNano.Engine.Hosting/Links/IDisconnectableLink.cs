using SerprogNano.Engine;

namespace SerprogNano.Engine.Hosting.Links
{
    /// <summary>A device-side link that can be cut, so the host sees its connection closed (a pulled USB cable).</summary>
    public interface IDisconnectableLink : ISerialLink
    {
        /// <summary>Closes both directions; later reads return -1 and writes go nowhere.</summary>
        void Disconnect();
    }
}
