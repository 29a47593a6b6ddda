namespace Mcu.Recording.Matroska;

/// <summary>
/// The start of a WebM file: the EBML header, a Segment of unknown size (so the file is valid
/// however far it got), room for a SeekHead, Info with room for Duration, and Tracks. Nothing
/// in it depends on what comes later; a graceful end only fills the reserved Voids.
/// </summary>
internal static class WebmHeader
{
    /// <summary>A SeekHead of three Seeks (Info, Tracks, Cues) with 8-octet positions: 4 + 1 + 3 * 21 octets.</summary>
    public const int SeekHeadSize = 68;

    /// <summary>A Duration element: 2-octet ID, 1-octet size, 8-octet float.</summary>
    public const int DurationSize = 11;

    private const int FixedPart = 512;

    /// <summary>A buffer this large always holds the header.</summary>
    public static int MaxSize(WebmSettings settings) =>
        FixedPart + (3 * Math.Min(settings.Title.Length, WebmSettings.MaxTitleLength));

    public static int Write(Span<byte> destination, WebmSettings settings, out WebmHeaderLayout layout)
    {
        var w = new EbmlWriter(destination);
        var ebml = w.BeginMaster(MatroskaIds.Ebml, 1);
        w.WriteUnsigned(MatroskaIds.EbmlVersion, 1);
        w.WriteUnsigned(MatroskaIds.EbmlReadVersion, 1);
        w.WriteUnsigned(MatroskaIds.EbmlMaxIdLength, 4);
        w.WriteUnsigned(MatroskaIds.EbmlMaxSizeLength, 8);
        w.WriteString(MatroskaIds.DocType, "webm");
        w.WriteUnsigned(MatroskaIds.DocTypeVersion, 4);
        w.WriteUnsigned(MatroskaIds.DocTypeReadVersion, 2);
        w.EndMaster(ebml, 1);

        w.WriteId(MatroskaIds.Segment);
        var segmentSize = w.Position;
        w.WriteUnknownSize();
        var segmentData = w.Position;

        var seekHead = w.Position;
        w.WriteVoid(SeekHeadSize);

        var info = w.Position;
        var infoChildren = w.BeginMaster(MatroskaIds.Info, 2);
        w.WriteUnsigned(MatroskaIds.TimestampScale, WebmWriter.NanosecondsPerTick);
        var duration = w.Position;
        w.WriteVoid(DurationSize);
        if (settings.StartedAt is { } startedAt)
        {
            w.WriteDate(MatroskaIds.DateUtc, startedAt);
        }
        if (settings.Title.Length > 0)
        {
            w.WriteString(MatroskaIds.Title, settings.Title.Length <= WebmSettings.MaxTitleLength ? settings.Title : settings.Title[..WebmSettings.MaxTitleLength]);
        }
        w.WriteString(MatroskaIds.MuxingApp, "Mcu.Recording");
        w.WriteString(MatroskaIds.WritingApp, "Mcu.Recording");
        w.EndMaster(infoChildren, 2);

        var tracks = w.Position;
        var tracksChildren = w.BeginMaster(MatroskaIds.Tracks, 2);
        WriteVideoTrack(ref w, settings);
        WriteAudioTrack(ref w, settings);
        w.EndMaster(tracksChildren, 2);

        layout = new WebmHeaderLayout(segmentSize, segmentData, seekHead, info, duration, tracks);
        return w.Position;
    }

    private static void WriteVideoTrack(ref EbmlWriter w, WebmSettings settings)
    {
        var entry = w.BeginMaster(MatroskaIds.TrackEntry, 1);
        w.WriteUnsigned(MatroskaIds.TrackNumber, WebmSettings.VideoTrack);
        w.WriteUnsigned(MatroskaIds.TrackUid, NewUid());
        w.WriteUnsigned(MatroskaIds.TrackType, 1); // video
        w.WriteUnsigned(MatroskaIds.FlagLacing, 0);
        w.WriteString(MatroskaIds.CodecId, "V_VP8");
        var video = w.BeginMaster(MatroskaIds.Video, 1);
        w.WriteUnsigned(MatroskaIds.PixelWidth, (ulong)settings.Width);
        w.WriteUnsigned(MatroskaIds.PixelHeight, (ulong)settings.Height);
        w.EndMaster(video, 1);
        w.EndMaster(entry, 1);
    }

    private static void WriteAudioTrack(ref EbmlWriter w, WebmSettings settings)
    {
        var entry = w.BeginMaster(MatroskaIds.TrackEntry, 1);
        w.WriteUnsigned(MatroskaIds.TrackNumber, WebmSettings.AudioTrack);
        w.WriteUnsigned(MatroskaIds.TrackUid, NewUid());
        w.WriteUnsigned(MatroskaIds.TrackType, 2); // audio
        w.WriteUnsigned(MatroskaIds.FlagLacing, 0);
        w.WriteString(MatroskaIds.CodecId, "A_OPUS");
        Span<byte> head = stackalloc byte[OpusHead.Size];
        OpusHead.Write(head, settings.AudioChannels, settings.OpusPreSkip, settings.AudioSampleRate);
        w.WriteBinary(MatroskaIds.CodecPrivate, head);
        // The Matroska Opus mapping: CodecDelay is the pre-skip in nanoseconds, and a decoder needs
        // 80 ms of preroll after a seek to converge (RFC 7845 section 4.3).
        w.WriteUnsigned(MatroskaIds.CodecDelay, (ulong)settings.OpusPreSkip * 1_000_000_000UL / (ulong)settings.AudioSampleRate);
        w.WriteUnsigned(MatroskaIds.SeekPreRoll, 80_000_000);
        var audio = w.BeginMaster(MatroskaIds.Audio, 1);
        w.WriteFloat(MatroskaIds.SamplingFrequency, settings.AudioSampleRate);
        w.WriteUnsigned(MatroskaIds.Channels, (ulong)settings.AudioChannels);
        w.EndMaster(audio, 1);
        w.EndMaster(entry, 1);
    }

    // TrackUIDs only need to be unique within the file and non-zero; random ones keep files distinguishable.
    private static ulong NewUid() => (ulong)Random.Shared.NextInt64(1, long.MaxValue);
}
