using System.Collections.Concurrent;
using System.Net;
using Mcu.Rtp.Streams;
using Mcu.Transport;

namespace Mcu.Conference.Outbound;

/// <summary>
/// A room's presence on one network loop: the members whose sessions that loop owns, the
/// history that answers their NACKs, and a 10 ms timer for their RTCP. Encoded media arrives as
/// pooled commands and is rewritten per receiver here, on the loop thread, without locks.
/// </summary>
internal sealed class RoomLoopPart : ILoopSession
{
    private static readonly TimeSpan TimerPeriod = TimeSpan.FromMilliseconds(10);

    private readonly List<RoomMember> _members = [];
    private readonly ConcurrentQueue<VideoCommand> _videoCommands = new();
    private readonly ConcurrentQueue<AudioCommand> _audioCommands = new();
    private TimeSpan _next;
    private volatile bool _closed;

    public RoomLoopPart(NetworkLoop loop) => Loop = loop;

    public NetworkLoop Loop { get; }

    /// <summary>The composite's recent packets, by source sequence number (loop thread only).</summary>
    public RetransmissionHistory VideoHistory { get; } = new(capacity: 1024);

    TimeSpan ILoopSession.NextTimeout => _closed ? TimeSpan.MaxValue : _next;

    bool ILoopSession.IsClosed => _closed;

    /// <summary>Stops the part; the loop forgets it at its next look.</summary>
    public void Close() => _closed = true;

    public void AddMember(RoomMember member, TimeSpan now)
    {
        _members.Add(member);
        member.Network.Attach(this, now);
        if (_members.Count == 1)
        {
            _next = now;
            Loop.Touch(this, now);
        }
    }

    public void RemoveMember(RoomMember member) => _members.Remove(member);

    /// <summary>Any thread: hands a composite frame to this loop (the caller has added our reference).</summary>
    public void Post(OutgoingVideoFrame frame)
    {
        if (!_videoCommands.TryDequeue(out var command))
        {
            command = new VideoCommand(this);
        }
        command.Frame = frame;
        Loop.Post(command);
    }

    /// <summary>Any thread: hands an audio tick to this loop (the caller has added our reference).</summary>
    public void Post(OutgoingAudio audio)
    {
        if (!_audioCommands.TryDequeue(out var command))
        {
            command = new AudioCommand(this);
        }
        command.Audio = audio;
        Loop.Post(command);
    }

    void ILoopSession.HandleDatagram(TimeSpan now, Span<byte> datagram, SocketAddress from)
    {
        // Media arrives through the members' own sessions, never addressed to the part.
    }

    void ILoopSession.HandleTimeout(TimeSpan now)
    {
        foreach (var member in _members)
        {
            member.Network.OnTimer(now);
        }
        _next = now + TimerPeriod;
    }

    void ILoopSession.Abort(TimeSpan now, Exception error) => _closed = true;

    private void SendVideo(TimeSpan now, OutgoingVideoFrame frame)
    {
        for (var i = 0; i < frame.Count; i++)
        {
            VideoHistory.TryStore(now, frame.Packet(i));
        }
        foreach (var member in _members)
        {
            if (member.ReceivesVideo)
            {
                member.Network.SendVideo(now, frame);
            }
        }
    }

    private void SendAudio(TimeSpan now, OutgoingAudio audio)
    {
        foreach (var member in _members)
        {
            if (member.ReceivesAudio)
            {
                member.Network.SendAudio(now, audio.PacketFor(member.Id));
            }
        }
    }

    private sealed class VideoCommand(RoomLoopPart part) : LoopCommand
    {
        public OutgoingVideoFrame Frame { get; set; } = null!;

        public override void Execute(NetworkLoop loop, TimeSpan now)
        {
            var frame = Frame;
            Frame = null!;
            try
            {
                part.SendVideo(now, frame);
            }
            finally
            {
                frame.Release();
                part._videoCommands.Enqueue(this);
            }
        }
    }

    private sealed class AudioCommand(RoomLoopPart part) : LoopCommand
    {
        public OutgoingAudio Audio { get; set; } = null!;

        public override void Execute(NetworkLoop loop, TimeSpan now)
        {
            var audio = Audio;
            Audio = null!;
            try
            {
                part.SendAudio(now, audio);
            }
            finally
            {
                audio.Release();
                part._audioCommands.Enqueue(this);
            }
        }
    }
}
