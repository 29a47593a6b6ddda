using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Mcu.Server.Tests.Turn;

/// <summary>
/// A coturn TURN server on 127.0.0.1 as a child process: REST credentials from a shared secret
/// (use-auth-secret), UDP only, relaying loopback peers from a small port range. Always killed
/// on dispose.
/// </summary>
internal sealed class Coturn : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private Coturn(Process process, string directory, int port, int minRelayPort, int maxRelayPort)
    {
        _process = process;
        _directory = directory;
        Port = port;
        MinRelayPort = minRelayPort;
        MaxRelayPort = maxRelayPort;
    }

    public int Port { get; }

    public int MinRelayPort { get; }

    public int MaxRelayPort { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public static async Task<Coturn> StartAsync(string secret)
    {
        var port = FreeUdpPort();
        // A random block of 40 relay ports in the dynamic range; collisions only cost a retry inside coturn.
        var minRelay = Random.Shared.Next(49_200, 64_000);
        var maxRelay = minRelay + 39;
        var directory = Directory.CreateTempSubdirectory("mcu-coturn-").FullName;
        var start = new ProcessStartInfo("turnserver") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])
        [
            "-n", "--no-cli", "--no-tls", "--no-dtls", "--no-tcp", "--no-tcp-relay",
            "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", "--allow-loopback-peers",
            $"--listening-port={port}", $"--min-port={minRelay}", $"--max-port={maxRelay}",
            "--use-auth-secret", $"--static-auth-secret={secret}", "--realm=mcu.test",
            $"--pidfile={Path.Combine(directory, "turnserver.pid")}", "--log-file=stdout", "--simple-log",
        ])
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("turnserver did not start");
        var coturn = new Coturn(process, directory, port, minRelay, maxRelay);
        process.OutputDataReceived += (_, e) => coturn.Add(e.Data);
        process.ErrorDataReceived += (_, e) => coturn.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await coturn.WaitUntilAnsweringAsync();
        }
        catch
        {
            await coturn.DisposeAsync();
            throw;
        }
        return coturn;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Add(string? line)
    {
        if (line is not null && Log.Count < 2000)
        {
            Log.Enqueue(line);
        }
    }

    // A STUN Binding request (RFC 8489 5) answered proves the listener is up.
    private async Task WaitUntilAnsweringAsync()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = new byte[20];
        request[1] = 0x01;
        request[4] = 0x21;
        request[5] = 0x12;
        request[6] = 0xA4;
        request[7] = 0x42;
        Random.Shared.NextBytes(request.AsSpan(8, 12));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"turnserver exited with {_process.ExitCode}: {string.Join('\n', Log)}");
            }
            await probe.SendAsync(request, new IPEndPoint(IPAddress.Loopback, Port));
            using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            try
            {
                await probe.ReceiveAsync(wait.Token);
                return;
            }
            catch (OperationCanceledException)
            {
            }
        }
        throw new TimeoutException($"turnserver did not answer on port {Port.ToString(CultureInfo.InvariantCulture)}: {string.Join('\n', Log)}");
    }

    private static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }
}
