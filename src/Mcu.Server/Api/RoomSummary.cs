namespace Mcu.Server.Api;

/// <summary>One room in GET /api/rooms.</summary>
internal sealed record RoomSummary(string Name, int Participants, int Publishers, int Viewers, string Layout);
