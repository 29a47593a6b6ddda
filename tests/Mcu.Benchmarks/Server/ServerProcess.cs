using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Mcu.Benchmarks.Report;

namespace Mcu.Benchmarks.Server;

/// <summary>
/// The real Mcu.Server as a process of its own on 127.0.0.1 (HTTP on a free port, media on a
/// free UDP port), with a temporary working directory for its recordings; the process holds the
/// rooms and nothing else. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, string directory, Uri baseUri)
    {
        _process = process;
        _directory = directory;
        BaseUri = baseUri;
        Http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    public int Pid => _process.Id;

    public HttpClient Http { get; }

    /// <summary>The server's resident memory now.</summary>
    public long ResidentBytes => ProcessStats.ResidentBytes(Pid);

    /// <summary>The server's CPU time so far, all threads.</summary>
    public TimeSpan CpuTime => ProcessStats.CpuTime(Pid);

    /// <summary>Where the server's binaries are (built with the benchmarks, see the csproj).</summary>
    public static string Assembly =>
        typeof(ServerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "McuServerAssembly").Value!;

    public Uri Whip(string room) => new(BaseUri, "/whip/" + Uri.EscapeDataString(room));

    public Uri Whep(string room) => new(BaseUri, "/whep/" + Uri.EscapeDataString(room));

    /// <summary>
    /// Starts the server with the probes' settings and the report's --server-env variables, and
    /// waits until it answers /healthz.
    /// </summary>
    public static ServerProcess Start(ReportContext context)
    {
        string assembly = Assembly;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"The server is not built at {assembly}: build tests/Mcu.Benchmarks (it builds the server too).");
        }

        string directory = Directory.CreateTempSubdirectory("mcu-report-server-").FullName;
        int port = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(assembly);
        string[] settings =
        [
            $"--Urls=http://127.0.0.1:{port}",
            "--Media:Port=0",
            "--Media:BindAddresses:0=127.0.0.1",
            "--Layouts:Directory=" + context.Paths.Layouts,
            "--Recording:Directory=" + Path.Combine(directory, "recordings"),
            // Hundreds of bots join from 127.0.0.1: no per-client rate limit, rooms big enough for the viewers.
            "--Limits:RequestsPerSecondPerClient=0",
            "--Composite:MaxMembers=200",
            "--Rooms:EmptyRoomLinger=00:00:02",
            "--Logging:LogLevel:Default=Warning",
        ];
        foreach (string argument in settings)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (string variable in context.Options.ServerEnvironment)
        {
            int equals = variable.IndexOf('=', StringComparison.Ordinal);
            start.Environment[variable[..equals]] = variable[(equals + 1)..];
        }
        Process process;
        try
        {
            process = ChildProcesses.Start(start);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }

        var server = new ServerProcess(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Note(e.Data);
        process.ErrorDataReceived += (_, e) => server.Note(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.WaitHealthy(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>GET /metrics, parsed.</summary>
    public MetricsScrape Scrape() => MetricsScrape.Parse(Http.GetStringAsync(new Uri("/metrics", UriKind.Relative)).GetAwaiter().GetResult());

    /// <summary>The median of a few RSS samples a second apart: one sample may catch a collection half way.</summary>
    public long SampleResidentBytes(int samples, Action<int>? onSample = null)
    {
        var values = new List<double>();
        for (int i = 0; i < samples; i++)
        {
            onSample?.Invoke(i);
            values.Add(ResidentBytes);
            if (i + 1 < samples)
            {
                Thread.Sleep(1000);
            }
        }

        return (long)Statistics.Median(values);
    }

    /// <summary>Sets a room's layout through the control API.</summary>
    public void SetLayout(string room, string layout)
    {
        using var content = new StringContent($"{{\"layout\":\"{layout}\"}}", Encoding.UTF8, "application/json");
        using HttpResponseMessage response = Http.PutAsync(new Uri($"/api/rooms/{Uri.EscapeDataString(room)}/layout", UriKind.Relative), content).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The last lines the server wrote, for error messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        ChildProcesses.Kill(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning; nothing of it is in use any more.
        }
    }

    private void Note(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length > 16_000)
            {
                _output.Remove(0, _output.Length - 8_000);
            }

            _output.AppendLine(line);
        }
    }

    private void WaitHealthy(TimeSpan patience)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} at start: {Output}");
            }

            try
            {
                using HttpResponseMessage response = Http.GetAsync(new Uri("/healthz", UriKind.Relative)).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"The server did not answer /healthz within {patience.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s: {Output}");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
