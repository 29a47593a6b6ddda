using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Mcu.Primitives;

namespace Mcu.Transport;

/// <summary>
/// The one UDP port every peer shares. Receive threads classify each datagram (RFC 7983),
/// find its session — a STUN request by the ICE username fragment it carries, anything else by
/// the source address ICE validated — and queue it to the loop that owns the session.
/// Datagrams nobody claims are counted and dropped.
/// </summary>
public sealed class UdpMediaPort : IDisposable
{
    private readonly List<Socket> _sockets = [];
    private readonly List<Thread> _receivers = [];
    private readonly NetworkLoop[] _loops;
    private readonly DatagramPool _pool;
    private readonly ConcurrentDictionary<SocketAddress, PortRoute> _byAddress = new();
    private readonly ConcurrentDictionary<string, PortRoute> _byUfrag = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PortRoute>.AlternateLookup<ReadOnlySpan<char>> _byUfragSpan;
    private readonly IStunUsernameReader _usernames;
    private volatile bool _disposed;
    private int _nextLoop;
    private long _received;
    private long _bytesReceived;
    private long _sent;
    private long _bytesSent;
    private long _droppedUnknownSource;
    private long _droppedUnclassified;
    private long _droppedOversize;
    private long _droppedNoBuffer;

    public UdpMediaPort(MediaPortOptions options, IStunUsernameReader usernames)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(usernames);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.LoopCount, 1);
        _usernames = usernames;
        _byUfragSpan = _byUfrag.GetAlternateLookup<ReadOnlySpan<char>>();
        _pool = new DatagramPool(options.MaxBuffers);
        try
        {
            Bind(options);
        }
        catch
        {
            foreach (var socket in _sockets)
            {
                socket.Dispose();
            }
            throw;
        }
        _loops = new NetworkLoop[options.LoopCount];
        for (var i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new NetworkLoop($"mcu-net-{i}", _pool);
        }
        foreach (var socket in _sockets)
        {
            var thread = new Thread(() => Receive(socket))
            {
                Name = $"mcu-udp-recv-{socket.LocalEndPoint}",
                IsBackground = true,
            };
            _receivers.Add(thread);
            thread.Start();
        }
    }

    /// <summary>The bound port (the same on every address).</summary>
    public int Port { get; private set; }

    /// <summary>The sockets' local endpoints.</summary>
    public IReadOnlyList<IPEndPoint> LocalEndPoints => _sockets.ConvertAll(s => (IPEndPoint)s.LocalEndPoint!);

    /// <summary>The loops, for diagnostics.</summary>
    public IReadOnlyList<NetworkLoop> Loops => _loops;

    /// <summary>Taken when no ufrag or address matches (a client port serving one session).</summary>
    public PortRoute? DefaultRoute { get; set; }

    public long DatagramsReceived => Interlocked.Read(ref _received);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public long DatagramsSent => Interlocked.Read(ref _sent);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long DroppedUnknownSource => Interlocked.Read(ref _droppedUnknownSource);

    public long DroppedUnclassified => Interlocked.Read(ref _droppedUnclassified);

    public long DroppedOversize => Interlocked.Read(ref _droppedOversize);

    public long DroppedNoBuffer => Interlocked.Read(ref _droppedNoBuffer);

    /// <summary>Spreads new sessions over the loops.</summary>
    public NetworkLoop NextLoop() => _loops[(int)((uint)Interlocked.Increment(ref _nextLoop) % (uint)_loops.Length)];

    /// <summary>STUN requests whose USERNAME starts with <paramref name="localUfrag"/> go to the session.</summary>
    public void RegisterUfrag(string localUfrag, PortRoute route)
    {
        ArgumentException.ThrowIfNullOrEmpty(localUfrag);
        if (!_byUfrag.TryAdd(localUfrag, route))
        {
            throw new InvalidOperationException($"ICE ufrag '{localUfrag}' is already in use on this port.");
        }
    }

    public void UnregisterUfrag(string localUfrag, ILoopSession session)
    {
        if (_byUfrag.TryGetValue(localUfrag, out var route) && ReferenceEquals(route.Session, session))
        {
            _byUfrag.TryRemove(KeyValuePair.Create(localUfrag, route));
        }
    }

    /// <summary>Datagrams from <paramref name="remote"/> (validated by ICE) go to the session.</summary>
    public void BindAddress(SocketAddress remote, PortRoute route)
    {
        ArgumentNullException.ThrowIfNull(remote);
        _byAddress[Copy(remote)] = route;
    }

    /// <summary>Forgets <paramref name="remote"/> if it still belongs to <paramref name="session"/>.</summary>
    public void UnbindAddress(SocketAddress remote, ILoopSession session)
    {
        if (_byAddress.TryGetValue(remote, out var route) && ReferenceEquals(route.Session, session))
        {
            _byAddress.TryRemove(KeyValuePair.Create(remote, route));
        }
    }

    /// <summary>Sends from the socket of the destination's family. Any thread.</summary>
    public void Send(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        ArgumentNullException.ThrowIfNull(to);
        foreach (var socket in _sockets)
        {
            if (socket.AddressFamily == to.Family)
            {
                try
                {
                    socket.SendTo(datagram, SocketFlags.None, to);
                    Interlocked.Increment(ref _sent);
                    Interlocked.Add(ref _bytesSent, datagram.Length);
                }
                catch (SocketException)
                {
                    // UDP send errors (no route, buffer full, ICMP from an earlier send) mean a
                    // lost packet, which the protocols above already tolerate.
                }
                catch (ObjectDisposedException) when (_disposed)
                {
                }
                return;
            }
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }
        foreach (var thread in _receivers)
        {
            thread.Join();
        }
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }
    }

    private void Bind(MediaPortOptions options)
    {
        var addresses = options.BindAddresses.Count > 0
            ? options.BindAddresses.ToList()
            : DefaultBindAddresses();
        var port = options.Port;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            if (address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                socket.DualMode = false; // IPv4 has its own socket; keep the families apart
            }
            socket.ReceiveBufferSize = options.SocketReceiveBufferBytes;
            socket.SendBufferSize = options.SocketReceiveBufferBytes;
            try
            {
                socket.Bind(new IPEndPoint(address, port));
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new InvalidOperationException(
                    $"Cannot bind the media port {address}:{port} ({e.SocketErrorCode}). Is another server using it? Set Media:Port to a free UDP port.", e);
            }
            _sockets.Add(socket);
            // With port 0, the first socket picks a free port and the others take the same one.
            port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        }
        Port = port;
    }

    private static List<IPAddress> DefaultBindAddresses()
    {
        var list = new List<IPAddress> { IPAddress.Any };
        if (Socket.OSSupportsIPv6 && HasIPv6())
        {
            list.Add(IPAddress.IPv6Any);
        }
        return list;
    }

    private static bool HasIPv6()
    {
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up)
            {
                continue;
            }
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                if (unicast.Address.AddressFamily == AddressFamily.InterNetworkV6)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private void Receive(Socket socket)
    {
        var family = socket.AddressFamily;
        Span<byte> discard = stackalloc byte[ReceivedDatagram.Capacity];
        var discardAddress = new SocketAddress(family);
        Span<char> ufrag = stackalloc char[256];
        while (!_disposed)
        {
            if (!_pool.TryRent(out var datagram))
            {
                // Every buffer is queued: read and drop so the socket does not back up forever.
                if (TryReceive(socket, discard, discardAddress) >= 0)
                {
                    Interlocked.Increment(ref _droppedNoBuffer);
                }
                continue;
            }
            var length = TryReceive(socket, datagram.Buffer, datagram.SourceFor(family));
            if (length < 0)
            {
                _pool.Return(datagram);
                continue;
            }
            Interlocked.Increment(ref _received);
            Interlocked.Add(ref _bytesReceived, length);
            datagram.Length = length;
            var route = Route(datagram, length, ufrag);
            if (route is null)
            {
                _pool.Return(datagram);
                continue;
            }
            datagram.Session = route.Session;
            route.Loop.Enqueue(datagram);
        }
    }

    private int TryReceive(Socket socket, Span<byte> buffer, SocketAddress source)
    {
        try
        {
            return socket.ReceiveFrom(buffer, SocketFlags.None, source);
        }
        catch (SocketException) when (!_disposed)
        {
            return -1; // e.g. ICMP unreachable reported on a later receive: nothing to deliver
        }
        catch (Exception) when (_disposed)
        {
            return -1;
        }
    }

    private PortRoute? Route(ReceivedDatagram datagram, int length, Span<char> ufrag)
    {
        if (length >= ReceivedDatagram.Capacity)
        {
            Interlocked.Increment(ref _droppedOversize);
            return null;
        }
        var data = datagram.Buffer.AsSpan(0, length);
        var kind = DatagramClassifier.Classify(data);
        if (kind == DatagramKind.Unknown)
        {
            Interlocked.Increment(ref _droppedUnclassified);
            return null;
        }
        // A STUN request names its session by ufrag; that identity wins over the address,
        // so a peer that moves (or a new session from a reused address) is found.
        if (kind == DatagramKind.Stun
            && _usernames.TryGetLocalUfrag(data, ufrag, out var ufragLength)
            && _byUfragSpan.TryGetValue(ufrag[..ufragLength], out var byUfrag))
        {
            return byUfrag;
        }
        if (_byAddress.TryGetValue(datagram.Source, out var byAddress))
        {
            return byAddress;
        }
        if (DefaultRoute is { } fallback)
        {
            return fallback;
        }
        Interlocked.Increment(ref _droppedUnknownSource);
        return null;
    }

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }
}
