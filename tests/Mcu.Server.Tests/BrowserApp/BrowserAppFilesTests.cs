using System.Net;
using System.Text.RegularExpressions;
using Mcu.Server.BrowserApp;

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>The app's files as the server serves them: found, typed, locked down, and self-contained.</summary>
public sealed partial class BrowserAppFilesTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_app_is_served_at_the_root_with_a_content_security_policy()
    {
        using var response = await server.Http.GetAsync(new Uri("/?room=team", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains($"connect-src 'self' ws://{server.BaseAddress.Authority} wss://{server.BaseAddress.Authority};", policy, StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/js/app.js", "text/javascript")]
    [InlineData("/js/signaling.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Modules_styles_and_icons_have_their_types(string path, string mediaType)
    {
        using var response = await server.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public void Every_file_works_offline_nothing_is_loaded_from_elsewhere()
    {
        var root = BrowserAppFiles.Resolve(null, Directory.GetCurrentDirectory());
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();

        Assert.Contains(files, f => f.EndsWith("index.html", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            // An SVG names its XML namespace with a URL; that is not a download.
            var external = ExternalUrl().Matches(text).Where(m => !m.Value.StartsWith("http://www.w3.org/", StringComparison.Ordinal)).ToList();
            Assert.True(external.Count == 0, $"{Path.GetFileName(file)} refers to {string.Join(", ", external)}");
        }
    }

    [Fact]
    public void A_configured_folder_without_the_app_is_refused_at_start()
    {
        var empty = Directory.CreateTempSubdirectory("mcu-no-app-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => BrowserAppFiles.Resolve(empty.FullName, empty.FullName));
            Assert.Contains("index.html", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [GeneratedRegex(@"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s'""]*", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
