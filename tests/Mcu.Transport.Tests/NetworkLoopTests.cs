using Mcu.Primitives;

namespace Mcu.Transport.Tests;

public sealed class NetworkLoopTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly DatagramPool _pool = new(64);
    private readonly NetworkLoop _loop;

    public NetworkLoopTests() => _loop = new NetworkLoop("test-loop", _pool);

    public void Dispose() => _loop.Dispose();

    [Fact]
    public async Task Datagrams_reach_their_session_in_order_on_the_loop_thread()
    {
        var session = new RecordingSession();
        var loopThread = await _loop.InvokeAsync(now =>
        {
            _loop.Add(session, now);
            return Environment.CurrentManagedThreadId;
        });
        for (byte i = 0; i < 20; i++)
        {
            Assert.True(_pool.TryRent(out var datagram));
            datagram.Buffer[0] = i;
            datagram.Length = 1;
            datagram.SourceFor(System.Net.Sockets.AddressFamily.InterNetwork);
            datagram.Session = session;
            _loop.Enqueue(datagram);
        }
        for (var i = 0; i < 20; i++)
        {
            Assert.True(await session.Arrived.WaitAsync(Patience));
        }
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), session.Datagrams.Select(d => d[0]));
        Assert.All(session.Threads, t => Assert.Equal(loopThread, t));
        Assert.Equal(0, _pool.InUse);
    }

    [Fact]
    public async Task A_session_timer_fires_once_its_deadline_passes()
    {
        var session = new RecordingSession();
        var deadline = TimeSpan.Zero;
        await _loop.InvokeAsync(now =>
        {
            deadline = now + TimeSpan.FromMilliseconds(50);
            session.NextTimeout = deadline;
            _loop.Add(session, now);
            return 0;
        });
        Assert.True(await session.Arrived.WaitAsync(Patience));
        Assert.True(session.Timeouts.TryDequeue(out var firedAt));
        Assert.True(firedAt >= deadline, $"fired at {firedAt}, before the deadline {deadline}");
    }

    [Fact]
    public async Task A_session_that_throws_is_aborted_and_the_others_keep_going()
    {
        var broken = new RecordingSession { ThrowOnDatagram = true };
        var healthy = new RecordingSession();
        await _loop.InvokeAsync(now =>
        {
            _loop.Add(broken, now);
            _loop.Add(healthy, now);
            return 0;
        });
        Send(broken, 1);
        Send(healthy, 2);
        Assert.True(await broken.Arrived.WaitAsync(Patience));
        Assert.True(await healthy.Arrived.WaitAsync(Patience));
        Assert.IsType<InvalidOperationException>(broken.AbortedWith);
        Assert.Equal(1, _loop.SessionFaults);
        // The broken session is forgotten: later datagrams for it are dropped, not delivered.
        Send(broken, 3);
        Send(healthy, 4);
        Assert.True(await healthy.Arrived.WaitAsync(Patience));
        Assert.Equal(1, await _loop.InvokeAsync(_ => _loop.SessionCount));
        Assert.Equal(new byte[] { 2, 4 }, healthy.Datagrams.Select(d => d[0]));
    }

    [Fact]
    public async Task A_command_that_throws_is_counted_and_the_loop_goes_on()
    {
        _loop.Post(_ => throw new InvalidOperationException("bad command"));
        Assert.Equal(42, await _loop.InvokeAsync(_ => 42));
        Assert.Equal(1, _loop.CommandFaults);
    }

    [Fact]
    public void Loop_only_members_refuse_other_threads()
    {
        var error = Assert.Throws<InvalidOperationException>(() => _loop.Add(new RecordingSession(), MonotonicClock.Now));
        Assert.Contains("post a command", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_queue_drops_and_counts_instead_of_growing()
    {
        var pool = new DatagramPool(16);
        using var loop = new NetworkLoop("tiny", pool, maxQueuedDatagrams: 4);
        // Block the loop so nothing drains while we enqueue.
        using var gate = new ManualResetEventSlim();
        loop.Post(_ => gate.Wait(Patience));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(pool.TryRent(out var datagram));
            loop.Enqueue(datagram);
        }
        gate.Set();
        Assert.True(loop.DatagramsDroppedQueueFull >= 6);
    }

    private void Send(ILoopSession session, byte value)
    {
        Assert.True(_pool.TryRent(out var datagram));
        datagram.Buffer[0] = value;
        datagram.Length = 1;
        datagram.SourceFor(System.Net.Sockets.AddressFamily.InterNetwork);
        datagram.Session = session;
        _loop.Enqueue(datagram);
    }
}
