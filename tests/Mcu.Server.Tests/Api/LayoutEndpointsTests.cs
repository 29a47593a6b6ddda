using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkiaSharp;

namespace Mcu.Server.Tests.Api;

/// <summary>The layouts part of the control API, over a layouts directory of the test's own.</summary>
public sealed class LayoutEndpointsTests : IAsyncLifetime
{
    private readonly string _layouts = Directory.CreateTempSubdirectory("mcu-layouts-").FullName;
    private TestServer _server = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(Path.Combine(_layouts, "two.json"), """
            { "description": "Two side by side", "slots": [
              { "x": 0, "y": 0, "width": 0.5, "height": 1 },
              { "x": 0.5, "y": 0, "width": 0.5, "height": 1 } ] }
            """);
        File.WriteAllText(Path.Combine(_layouts, "auto.json"), """
            { "choose": [ { "layout": "two" } ] }
            """);
        File.WriteAllText(Path.Combine(_layouts, "broken.json"), "{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"widht\": 1, \"height\": 1 }\n  ]\n}\n");
        _server = await TestServer.StartAsync($"--Layouts:Directory={_layouts}");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_layouts, recursive: true);
    }

    [Fact]
    public async Task Layouts_and_groups_are_listed_with_the_errors_of_broken_files()
    {
        var body = await _server.Http.GetFromJsonAsync<JsonElement>("/api/layouts");

        var layouts = body.GetProperty("layouts").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!);
        Assert.Equal(["auto", "two"], layouts.Keys.Order());
        Assert.Equal("layout", layouts["two"].GetProperty("kind").GetString());
        Assert.Equal("Two side by side", layouts["two"].GetProperty("description").GetString());
        Assert.Equal("group", layouts["auto"].GetProperty("kind").GetString());
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal("broken.json", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Contains("widht", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two", null, 320, 180)]
    [InlineData("two", "?width=640&height=360", 640, 360)]
    [InlineData("auto", "?width=160&height=90&participants=2", 160, 90)]
    public async Task A_preview_is_a_png_of_the_requested_size(string name, string? query, int width, int height)
    {
        using var response = await _server.Http.GetAsync($"/api/layouts/{name}/preview.png{query}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var image = SKBitmap.Decode(png);
        Assert.Equal((width, height), (image.Width, image.Height));
    }

    [Fact]
    public async Task A_preview_shows_two_placeholder_tiles_of_different_content()
    {
        var png = await _server.Http.GetByteArrayAsync("/api/layouts/two/preview.png");
        using var image = SKBitmap.Decode(png);
        var left = Column(image, image.Width / 4);
        var right = Column(image, 3 * image.Width / 4);
        Assert.NotEqual(left, right); // the tiles are numbered 1 and 2
    }

    [Theory]
    [InlineData("/api/layouts/nothing/preview.png", HttpStatusCode.NotFound)]
    [InlineData("/api/layouts/broken/preview.png", HttpStatusCode.NotFound)]
    [InlineData("/api/layouts/two/preview.png?width=5000", HttpStatusCode.BadRequest)]
    [InlineData("/api/layouts/two/preview.png?height=2", HttpStatusCode.BadRequest)]
    public async Task Unknown_layouts_and_sizes_out_of_bounds_are_problems(string path, HttpStatusCode expected)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    private static string Column(SKBitmap image, int x)
    {
        var pixels = new System.Text.StringBuilder();
        for (var y = 0; y < image.Height; y += 2)
        {
            pixels.Append(image.GetPixel(x, y).ToString());
        }
        return pixels.ToString();
    }
}
