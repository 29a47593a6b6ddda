using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mcu.Transport.Tests;

public sealed class UdpMediaPortTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly UdpMediaPort _port;
    private readonly Socket _peerA = NewPeer();
    private readonly Socket _peerB = NewPeer();

    public UdpMediaPortTests()
    {
        var options = new MediaPortOptions { Port = 0 };
        options.BindAddresses.Add(IPAddress.Loopback);
        _port = new UdpMediaPort(options, new FakeUsernames());
    }

    public void Dispose()
    {
        _peerA.Dispose();
        _peerB.Dispose();
        _port.Dispose();
    }

    [Fact]
    public async Task A_stun_request_finds_its_session_by_ufrag_from_any_address()
    {
        var (session, route) = await AddSession();
        _port.RegisterUfrag("abcd", route);
        SendTo(_peerA, Stun("abcd"));
        Assert.True(await session.Arrived.WaitAsync(Patience));
        SendTo(_peerB, Stun("abcd"));
        Assert.True(await session.Arrived.WaitAsync(Patience));
        Assert.Equal(2, session.Datagrams.Count);
    }

    [Fact]
    public async Task Media_is_delivered_only_from_a_bound_address()
    {
        var (session, route) = await AddSession();
        SendTo(_peerA, Rtp(1));
        await WaitFor(() => _port.DroppedUnknownSource == 1);
        _port.BindAddress(((IPEndPoint)_peerA.LocalEndPoint!).Serialize(), route);
        SendTo(_peerA, Rtp(2));
        Assert.True(await session.Arrived.WaitAsync(Patience));
        SendTo(_peerB, Rtp(3));
        await WaitFor(() => _port.DroppedUnknownSource == 2);
        Assert.Equal([2], session.Datagrams.Select(d => (int)d[12]));
    }

    [Fact]
    public async Task Garbage_from_one_peer_is_dropped_and_counted_while_another_peer_is_served()
    {
        var (session, route) = await AddSession();
        _port.BindAddress(((IPEndPoint)_peerA.LocalEndPoint!).Serialize(), route);
        var random = new Random(7);
        var garbage = new byte[300];
        for (var i = 0; i < 200; i++)
        {
            random.NextBytes(garbage);
            garbage[0] = (byte)random.Next(4, 20); // first bytes in no RFC 7983 range we serve
            SendTo(_peerB, garbage);
        }
        SendTo(_peerB, new byte[3000]); // larger than any buffer
        SendTo(_peerA, Rtp(9));
        Assert.True(await session.Arrived.WaitAsync(Patience));
        await WaitFor(() => _port.DroppedUnclassified == 200 && _port.DroppedOversize == 1);
        Assert.Single(session.Datagrams);
    }

    [Fact]
    public async Task A_ufrag_cannot_be_registered_twice()
    {
        var (_, route) = await AddSession();
        _port.RegisterUfrag("dup1", route);
        var error = Assert.Throws<InvalidOperationException>(() => _port.RegisterUfrag("dup1", route));
        Assert.Contains("dup1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binding_a_port_in_use_fails_with_a_message_saying_what_to_do()
    {
        var options = new MediaPortOptions { Port = _port.Port };
        options.BindAddresses.Add(IPAddress.Loopback);
        var error = Assert.Throws<InvalidOperationException>(() => new UdpMediaPort(options, new FakeUsernames()));
        Assert.Contains("Media:Port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_reaches_the_peer()
    {
        var peer = ((IPEndPoint)_peerA.LocalEndPoint!).Serialize();
        _port.Send([1, 2, 3], peer);
        var buffer = new byte[16];
        using var cancel = new CancellationTokenSource(Patience);
        var received = await _peerA.ReceiveAsync(buffer, cancel.Token);
        Assert.Equal(3, received);
    }

    private async Task<(RecordingSession Session, PortRoute Route)> AddSession()
    {
        var session = new RecordingSession();
        var loop = _port.NextLoop();
        await loop.InvokeAsync(now =>
        {
            loop.Add(session, now);
            return 0;
        });
        return (session, new PortRoute(session, loop));
    }

    private void SendTo(Socket peer, byte[] datagram) =>
        peer.SendTo(datagram, new IPEndPoint(IPAddress.Loopback, _port.Port));

    private static async Task WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached in time");
            await Task.Delay(10);
        }
    }

    private static Socket NewPeer()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    // Stand-ins with just the bytes the port looks at; real STUN parsing is tested in Mcu.Stun.
    private static byte[] Stun(string ufrag)
    {
        var bytes = new byte[20 + ufrag.Length];
        bytes[0] = 0x00;
        bytes[1] = 0x01;
        Encoding.ASCII.GetBytes(ufrag, bytes.AsSpan(20));
        return bytes;
    }

    private static byte[] Rtp(byte marker)
    {
        var bytes = new byte[20];
        bytes[0] = 0x80;
        bytes[1] = 96;
        bytes[12] = marker;
        return bytes;
    }

    private sealed class FakeUsernames : IStunUsernameReader
    {
        public bool TryGetLocalUfrag(ReadOnlySpan<byte> datagram, Span<char> destination, out int length)
        {
            length = datagram.Length - 20;
            if (length <= 0 || datagram[1] != 0x01)
            {
                return false;
            }
            return Encoding.ASCII.TryGetChars(datagram[20..], destination, out length);
        }
    }
}
