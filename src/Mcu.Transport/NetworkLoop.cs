using System.Collections.Concurrent;
using Mcu.Primitives;

namespace Mcu.Transport;

/// <summary>
/// One thread that owns a set of sessions: it hands them their datagrams, runs their timers
/// and executes commands posted from other threads. Sessions are touched by no other thread,
/// so the packet path takes no locks.
/// </summary>
public sealed class NetworkLoop : IDisposable
{
    private readonly ConcurrentQueue<ReceivedDatagram> _datagrams = new();
    private readonly ConcurrentQueue<LoopCommand> _commands = new();
    // No spinning before a wait: under load the spin's sched_yield calls cost more CPU than
    // the wake-up they save.
    private readonly ManualResetEventSlim _wake = new(initialState: false, spinCount: 0);
    private readonly HashSet<ILoopSession> _sessions = new(ReferenceEqualityComparer.Instance);
    // Lazy timer heap: an entry is live only while it matches _scheduled for its session.
    private readonly PriorityQueue<ILoopSession, TimeSpan> _timers = new();
    private readonly Dictionary<ILoopSession, TimeSpan> _scheduled = new(ReferenceEqualityComparer.Instance);
    private readonly DatagramPool _pool;
    private readonly int _maxQueuedDatagrams;
    private readonly Thread _thread;
    private volatile bool _stopping;
    private int _queued;
    private long _datagramsHandled;
    private long _datagramsDroppedQueueFull;
    private long _sessionFaults;
    private long _commandFaults;

    public NetworkLoop(string name, DatagramPool pool, int maxQueuedDatagrams = 4096)
    {
        ArgumentNullException.ThrowIfNull(pool);
        _pool = pool;
        _maxQueuedDatagrams = maxQueuedDatagrams;
        _thread = new Thread(Run) { Name = name, IsBackground = true };
        _thread.Start();
    }

    /// <summary>Datagrams delivered to sessions.</summary>
    public long DatagramsHandled => Interlocked.Read(ref _datagramsHandled);

    /// <summary>Datagrams dropped because the loop was too far behind.</summary>
    public long DatagramsDroppedQueueFull => Interlocked.Read(ref _datagramsDroppedQueueFull);

    /// <summary>Sessions closed because they threw.</summary>
    public long SessionFaults => Interlocked.Read(ref _sessionFaults);

    /// <summary>Posted commands that threw (the loop goes on).</summary>
    public long CommandFaults => Interlocked.Read(ref _commandFaults);

    /// <summary>Sessions currently owned (read on the loop thread only).</summary>
    public int SessionCount => _sessions.Count;

    /// <summary>True when called from this loop's own thread.</summary>
    public bool IsLoopThread => Environment.CurrentManagedThreadId == _thread.ManagedThreadId;

    /// <summary>Hands a routed datagram to the loop (any thread); drops it when the queue is full.</summary>
    public void Enqueue(ReceivedDatagram datagram)
    {
        ArgumentNullException.ThrowIfNull(datagram);
        if (Interlocked.Increment(ref _queued) > _maxQueuedDatagrams)
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _datagramsDroppedQueueFull);
            _pool.Return(datagram);
            return;
        }
        _datagrams.Enqueue(datagram);
        _wake.Set();
    }

    /// <summary>Runs a command on the loop thread (any thread may post).</summary>
    public void Post(LoopCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Enqueue(command);
        _wake.Set();
    }

    /// <summary>Control-plane convenience: runs a delegate on the loop thread.</summary>
    public void Post(Action<TimeSpan> action) => Post(new DelegateCommand(action));

    /// <summary>Runs a delegate on the loop thread and completes with its result.</summary>
    public Task<T> InvokeAsync<T>(Func<TimeSpan, T> function)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(now =>
        {
            try
            {
                completion.SetResult(function(now));
            }
            catch (Exception e)
            {
                completion.SetException(e);
            }
        });
        return completion.Task;
    }

    /// <summary>Takes ownership of a session (loop thread only: post a command to add from elsewhere).</summary>
    public void Add(ILoopSession session, TimeSpan now)
    {
        ThrowIfNotLoopThread();
        if (_sessions.Add(session))
        {
            Reschedule(session, now);
        }
    }

    /// <summary>
    /// Recomputes a session's timer after it was touched from a command (loop thread only);
    /// datagram and timer handling reschedule by themselves.
    /// </summary>
    public void Touch(ILoopSession session, TimeSpan now)
    {
        ThrowIfNotLoopThread();
        if (_sessions.Contains(session))
        {
            Reschedule(session, now);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        if (!IsLoopThread)
        {
            _thread.Join();
        }
        while (_datagrams.TryDequeue(out var datagram))
        {
            _pool.Return(datagram);
        }
        _wake.Dispose();
    }

    private void Run()
    {
        while (!_stopping)
        {
            // Reset before draining: a Set that lands after this point wakes the next Wait.
            _wake.Reset();
            var now = MonotonicClock.Now;
            RunCommands(now);
            RunDatagrams(now);
            RunTimers(now);
            var wait = NextDeadline() - MonotonicClock.Now;
            if (wait > TimeSpan.Zero)
            {
                // Wait(TimeSpan) truncates to whole milliseconds: round up, or the loop spins
                // through the last fraction of a millisecond before every timer.
                _wake.Wait(wait > TimeSpan.FromSeconds(1) ? 1000 : (int)Math.Ceiling(wait.TotalMilliseconds));
            }
        }
    }

    private void RunCommands(TimeSpan now)
    {
        while (_commands.TryDequeue(out var command))
        {
            try
            {
                command.Execute(this, now);
            }
#pragma warning disable CA1031 // A faulty command must not stop the loop that serves every other peer.
            catch (Exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _commandFaults);
            }
        }
    }

    private void RunDatagrams(TimeSpan now)
    {
        while (_datagrams.TryDequeue(out var datagram))
        {
            Interlocked.Decrement(ref _queued);
            var session = datagram.Session;
            if (session is not null && _sessions.Contains(session))
            {
                try
                {
                    session.HandleDatagram(now, datagram.Data, datagram.Source);
                    Interlocked.Increment(ref _datagramsHandled);
                }
#pragma warning disable CA1031 // One peer's failure closes that peer only.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Fault(session, now, e);
                }
                AfterCall(session, now);
            }
            _pool.Return(datagram);
        }
    }

    private void RunTimers(TimeSpan now)
    {
        while (_timers.TryPeek(out var session, out var deadline) && deadline <= now)
        {
            _timers.Dequeue();
            if (!_scheduled.TryGetValue(session, out var current) || current != deadline)
            {
                continue; // stale entry
            }
            _scheduled.Remove(session);
            if (session.NextTimeout <= now)
            {
                try
                {
                    session.HandleTimeout(now);
                }
#pragma warning disable CA1031 // One peer's failure closes that peer only.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Fault(session, now, e);
                }
            }
            AfterCall(session, now);
        }
    }

    private void AfterCall(ILoopSession session, TimeSpan now)
    {
        if (session.IsClosed)
        {
            _sessions.Remove(session);
            _scheduled.Remove(session);
            return;
        }
        Reschedule(session, now);
    }

    private void Reschedule(ILoopSession session, TimeSpan now)
    {
        var next = session.NextTimeout;
        if (next == TimeSpan.MaxValue)
        {
            return;
        }
        if (next < now)
        {
            next = now;
        }
        if (_scheduled.TryGetValue(session, out var current) && current <= next)
        {
            return; // an earlier entry fires first and reschedules then
        }
        _scheduled[session] = next;
        _timers.Enqueue(session, next);
    }

    private TimeSpan NextDeadline() =>
        _timers.TryPeek(out _, out var deadline) ? deadline : TimeSpan.MaxValue;

    private void Fault(ILoopSession session, TimeSpan now, Exception error)
    {
        Interlocked.Increment(ref _sessionFaults);
        try
        {
            session.Abort(now, error);
        }
#pragma warning disable CA1031 // Abort of a broken session may throw too; it is forgotten either way.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        _sessions.Remove(session);
        _scheduled.Remove(session);
    }

    private void ThrowIfNotLoopThread()
    {
        if (!IsLoopThread)
        {
            throw new InvalidOperationException("This NetworkLoop member must be called on the loop's own thread; post a command instead.");
        }
    }

    private sealed class DelegateCommand(Action<TimeSpan> action) : LoopCommand
    {
        public override void Execute(NetworkLoop loop, TimeSpan now) => action(now);
    }
}
