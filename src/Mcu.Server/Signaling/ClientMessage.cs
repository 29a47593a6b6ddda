using Mcu.Conference;

namespace Mcu.Server.Signaling;

/// <summary>A request the browser app sends over <c>/ws</c>, already checked for shape.</summary>
internal abstract record ClientMessage(string Type);

/// <summary><c>{ "type": "join", "room", "name"?, "offer", "kind"? }</c>: join a room with an SDP offer.</summary>
internal sealed record JoinMessage(string Room, string? Name, string Offer, MemberKind Kind) : ClientMessage("join");

/// <summary><c>{ "type": "leave" }</c>: hang up but keep the socket (the app may join again).</summary>
internal sealed record LeaveMessage() : ClientMessage("leave");

/// <summary><c>{ "type": "mute", "muted" }</c>: mute or unmute oneself in the mix.</summary>
internal sealed record MuteMessage(bool Muted) : ClientMessage("mute");

/// <summary><c>{ "type": "layout", "layout" }</c>: switch the room's composite to a layout or group.</summary>
internal sealed record LayoutMessage(string Layout) : ClientMessage("layout");

/// <summary><c>{ "type": "trickle", "candidate" }</c>: a late ICE candidate.</summary>
internal sealed record TrickleMessage() : ClientMessage("trickle");

/// <summary><c>{ "type": "record", "action": "start" | "stop" }</c>.</summary>
internal sealed record RecordMessage(bool Start) : ClientMessage("record");
