using Mcu.Conference.Audio;
using Mcu.Conference.Inbound;
using Mcu.Conference.Video;
using Mcu.Sdp;
using Mcu.Transport;

namespace Mcu.Conference;

/// <summary>
/// One person (or bot, or viewer) in a room. Its state is split by the thread that owns it:
/// <see cref="Network"/> runs on its network loop, <see cref="AudioState"/> on the room clock,
/// its decoder on the room's decoder thread; what crosses threads is below, and atomic.
/// </summary>
internal sealed class RoomMember
{
    private volatile bool _muted;
    private volatile bool _connected;
    private volatile bool _ended;
    private volatile bool _decoderWantsKeyframe;
    private int _pendingDecodes;

    /// <param name="media">The negotiated m= sections; none for a member fed in process (<see cref="Room.AddLocalPublisher"/>).</param>
    public RoomMember(int id, string name, MemberKind kind, IReadOnlyList<NegotiatedMedia> media, Room room)
    {
        Id = id;
        IdText = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Name = name;
        Kind = kind;
        Room = room;
        Audio = media.FirstOrDefault(m => m.Kind == MediaKind.Audio && m.Accepted);
        Video = media.FirstOrDefault(m => m.Kind == MediaKind.Video && m.Accepted);
        Network = new MemberNetwork(this);
        AudioState = new MemberAudio();
    }

    public int Id { get; }

    /// <summary>The id as text, made once (the compositor keys tiles by it).</summary>
    public string IdText { get; }

    public string Name { get; }

    public MemberKind Kind { get; }

    public Room Room { get; }

    public NegotiatedMedia? Audio { get; }

    public NegotiatedMedia? Video { get; }

    /// <summary>They send us audio / video (they are heard / shown).</summary>
    public bool PublishesAudio => Kind != MemberKind.Viewer && Audio is { Receiving: true, Codec: not null };

    public bool PublishesVideo => Kind != MemberKind.Viewer && Video is { Receiving: true, Codec: not null };

    /// <summary>We send them the mix / the composite.</summary>
    public bool ReceivesAudio => Kind != MemberKind.Publisher && Audio is { Sending: true, Codec: not null, LocalTrack: not null };

    public bool ReceivesVideo => Kind != MemberKind.Publisher && Video is { Sending: true, Codec: not null, LocalTrack: not null };

    /// <summary>Shown in the composite (with a placeholder while there is no picture).</summary>
    public bool IsShown => Kind != MemberKind.Viewer;

    /// <summary>The member's session; null only for a member fed in process.</summary>
    public PeerConnection Connection { get; set; } = null!;

    public MemberNetwork Network { get; }

    public MemberAudio AudioState { get; }

    public LatestFrameSlot VideoSlot { get; } = new();

    public AudioPacketQueue AudioPackets { get; } = new();

    public bool Muted
    {
        get => _muted;
        set => _muted = value;
    }

    /// <summary>DTLS-SRTP is up.</summary>
    public bool IsConnected
    {
        get => _connected;
        set => _connected = value;
    }

    /// <summary>Left, hung up, or failed: every thread forgets the member.</summary>
    public bool IsEnded
    {
        get => _ended;
        set => _ended = value;
    }

    /// <summary>Set by the decoder thread, taken by the loop thread, which sends the PLI.</summary>
    public bool DecoderWantsKeyframe
    {
        get => _decoderWantsKeyframe;
        set => _decoderWantsKeyframe = value;
    }

    public ref int PendingDecodes => ref _pendingDecodes;

    public bool IsSpeaking { get; set; }
}
