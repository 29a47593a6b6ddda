using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Mcu.Sdp;

/// <summary>One rid in an a=simulcast list; a paused rid was written with a leading "~".</summary>
public readonly record struct SimulcastRid(string Id, bool Paused = false)
{
    /// <summary>The rid as written in the list.</summary>
    public override string ToString() => Paused ? "~" + Id : Id;
}

/// <summary>An a=simulcast line (RFC 8853): per direction, a list of streams, each a list of alternative rids.</summary>
public sealed record SdpSimulcast(IReadOnlyList<IReadOnlyList<SimulcastRid>> Send, IReadOnlyList<IReadOnlyList<SimulcastRid>> Recv)
{
    /// <summary>The attribute value, without "a=simulcast:".</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Append(text, "send", Send);
        Append(text, "recv", Recv);
        return text.ToString();
    }

    internal static bool TryParse(string value, [NotNullWhen(true)] out SdpSimulcast? simulcast, [NotNullWhen(false)] out string? error)
    {
        simulcast = null;
        string[] words = SdpToken.Words(value);
        IReadOnlyList<IReadOnlyList<SimulcastRid>>? send = null;
        IReadOnlyList<IReadOnlyList<SimulcastRid>>? recv = null;
        if (words.Length is not (2 or 4))
        {
            error = "a=simulcast needs 'send <list>' and/or 'recv <list>'";
            return false;
        }

        for (int i = 0; i < words.Length; i += 2)
        {
            bool isSend = words[i] == "send";
            if ((!isSend && words[i] != "recv") || (isSend ? send : recv) is not null)
            {
                error = "a=simulcast needs 'send <list>' and/or 'recv <list>', each at most once";
                return false;
            }

            if (!TryParseList(words[i + 1], out IReadOnlyList<IReadOnlyList<SimulcastRid>>? list))
            {
                error = "a=simulcast list must be rids separated by ';' (streams) and ',' (alternatives)";
                return false;
            }

            if (isSend)
            {
                send = list;
            }
            else
            {
                recv = list;
            }
        }

        simulcast = new SdpSimulcast(send ?? [], recv ?? []);
        error = null;
        return true;
    }

    private static bool TryParseList(string text, [NotNullWhen(true)] out IReadOnlyList<IReadOnlyList<SimulcastRid>>? list)
    {
        list = null;
        var streams = new List<IReadOnlyList<SimulcastRid>>();
        foreach (string stream in text.Split(';'))
        {
            var alternatives = new List<SimulcastRid>();
            foreach (string alternative in stream.Split(','))
            {
                bool paused = alternative.StartsWith('~');
                string id = paused ? alternative[1..] : alternative;
                if (!SdpRid.IsValidId(id))
                {
                    return false;
                }

                alternatives.Add(new SimulcastRid(id, paused));
            }

            streams.Add(alternatives);
        }

        list = streams;
        return true;
    }

    private static void Append(StringBuilder text, string direction, IReadOnlyList<IReadOnlyList<SimulcastRid>> streams)
    {
        if (streams.Count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(direction).Append(' ');
        for (int i = 0; i < streams.Count; i++)
        {
            if (i > 0)
            {
                text.Append(';');
            }

            for (int j = 0; j < streams[i].Count; j++)
            {
                if (j > 0)
                {
                    text.Append(',');
                }

                text.Append(streams[i][j].ToString());
            }
        }
    }
}
