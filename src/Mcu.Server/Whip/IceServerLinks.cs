using System.Text;
using Mcu.Server.Turn;

namespace Mcu.Server.Whip;

/// <summary>
/// ICE servers as WHIP's Link header fields (RFC 9725 4.6): one per URL, rel="ice-server",
/// with username, credential and credential-type="password" for TURN servers that have them.
/// </summary>
internal static class IceServerLinks
{
    public static void Append(IHeaderDictionary headers, IReadOnlyList<IceServer> servers)
    {
        foreach (var server in servers)
        {
            foreach (var url in server.Urls)
            {
                headers.Append("Link", Format(url, server));
            }
        }
    }

    public static string Format(string url, IceServer server)
    {
        var link = new StringBuilder().Append('<').Append(url).Append(">; rel=\"ice-server\"");
        if (server.Username is not null && server.Credential is not null)
        {
            link.Append("; username=");
            Quote(link, server.Username);
            link.Append("; credential=");
            Quote(link, server.Credential);
            link.Append("; credential-type=\"password\"");
        }
        return link.ToString();
    }

    // RFC 9110 5.6.4 quoted-string: a backslash escapes '"' and '\'.
    private static void Quote(StringBuilder link, string value)
    {
        link.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                link.Append('\\');
            }
            link.Append(c);
        }
        link.Append('"');
    }
}
