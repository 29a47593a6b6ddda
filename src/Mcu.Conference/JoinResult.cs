namespace Mcu.Conference;

/// <summary>The outcome of a join: who the member is, and the SDP answer to return.</summary>
public sealed record JoinResult(int MemberId, MemberKind Kind, string Answer);
