using System.Globalization;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace Mcu.Server.BrowserApp;

/// <summary>
/// Serves the browser app (wwwroot: plain HTML, CSS and JS modules, nothing fetched from elsewhere)
/// at "/". The folder is found like the layouts: the configured WebRoot:Directory, else wwwroot in
/// the content root, beside the binaries (published), or in the source tree (tests, dotnet run).
/// </summary>
public static class BrowserAppFiles
{
    // The app talks only to its own origin; media elements show MediaStreams and layout previews.
    private static readonly CompositeFormat ContentSecurityPolicy = CompositeFormat.Parse(
        "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; connect-src 'self'{0}; " +
        "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");

    public static IApplicationBuilder UseBrowserApp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new PhysicalFileProvider(Resolve(app.Configuration["WebRoot:Directory"], app.Environment.ContentRootPath));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Small files; revalidating keeps a browser from running an old app after an upgrade.
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                if (context.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    headers.ContentSecurityPolicy = string.Format(CultureInfo.InvariantCulture, ContentSecurityPolicy, SocketSources(context.Context.Request.Host));
                    headers["Referrer-Policy"] = "no-referrer";
                }
            },
        });
    }

    // The WebSocket is named explicitly: browsers before CSP level 3 do not count ws: and wss:
    // of the page's own host as 'self'. A host that could end the directive is left out.
    private static string SocketSources(HostString host) =>
        host.HasValue && host.Value.AsSpan().IndexOfAny(" ;,'\"") < 0 ? $" ws://{host.Value} wss://{host.Value}" : string.Empty;

    internal static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return File.Exists(Path.Combine(full, "index.html"))
                ? full
                : throw new InvalidOperationException($"WebRoot:Directory '{full}' has no index.html.");
        }
        var candidates = new List<string> { Path.Combine(contentRoot, "wwwroot"), Path.Combine(AppContext.BaseDirectory, "wwwroot") };
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mcu.sln")))
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "Mcu.Server", "wwwroot"));
                break;
            }
        }
        return candidates.Find(c => File.Exists(Path.Combine(c, "index.html")))
            ?? throw new InvalidOperationException($"No browser app found (looked for index.html in {string.Join(", ", candidates)}); set WebRoot:Directory.");
    }
}
