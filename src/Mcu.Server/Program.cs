// The MCU host. Until the conference and server issues land, this host only proves the set-up
// (packages installed, native codecs built and loadable) and says plainly that it holds no
// conferences yet.
using Mcu.Server;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var status = FoundationStatus.Probe();
app.Logger.LogWarning("{Status}", status.Summary);

app.MapGet("/", () => Results.Text(status.Summary + "\n", "text/plain; charset=utf-8"));
app.MapGet("/healthz", () => Results.Text("ok\n", "text/plain"));

app.Run();
