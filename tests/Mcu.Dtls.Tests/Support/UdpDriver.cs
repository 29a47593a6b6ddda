using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mcu.Dtls.Tests.Support;

/// <summary>
/// Drives a sans-IO endpoint over a real UDP socket on 127.0.0.1 with the wall clock: the I/O loop a transport
/// would run, kept in the tests.
/// </summary>
internal sealed class UdpDriver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly byte[] _buffer = new byte[65_536];

    public UdpDriver() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int LocalPort => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Where datagrams go; a server learns it from the first datagram received.</summary>
    public IPEndPoint? Remote { get; set; }

    /// <summary>Every datagram received from the remote, in order.</summary>
    public List<byte[]> Received { get; } = [];

    public static int FindFreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>Runs the loop until <paramref name="until"/> holds or <paramref name="timeout"/> passes.</summary>
    public bool Pump(DtlsEndpoint endpoint, Func<bool> until, TimeSpan timeout)
    {
        TimeSpan deadline = Now + timeout;
        while (true)
        {
            Flush(endpoint);
            if (until())
            {
                return true;
            }

            if (Now >= deadline)
            {
                return false;
            }

            TimeSpan wait = TimeSpan.FromMilliseconds(20);
            if (endpoint.NextTimeout is { } next && next - Now < wait)
            {
                wait = next - Now;
            }

            if (wait > TimeSpan.Zero && _socket.Poll(wait, SelectMode.SelectRead))
            {
                EndPoint sender = new IPEndPoint(IPAddress.Any, 0);
                int length = _socket.ReceiveFrom(_buffer, ref sender);
                Remote ??= (IPEndPoint)sender;
                if (Remote.Equals(sender))
                {
                    Received.Add(_buffer.AsSpan(0, length).ToArray());
                    endpoint.HandleDatagram(Now, _buffer.AsSpan(0, length));
                }
            }

            endpoint.HandleTimeout(Now);
        }
    }

    public void Flush(DtlsEndpoint endpoint)
    {
        while (Remote is not null && endpoint.TryPollDatagram(_buffer, out int length))
        {
            _socket.SendTo(_buffer.AsSpan(0, length), SocketFlags.None, Remote);
        }
    }

    public void Dispose() => _socket.Dispose();
}
