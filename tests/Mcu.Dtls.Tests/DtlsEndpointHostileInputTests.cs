using Mcu.Dtls.Tests.Messages;
using Mcu.Dtls.Tests.Support;

namespace Mcu.Dtls.Tests;

/// <summary>Garbage, truncation, lying lengths and mutations: never an exception, always counted or alerted.</summary>
public sealed class DtlsEndpointHostileInputTests
{
    [Fact]
    public void Random_datagrams_never_throw_and_never_connect_a_fresh_server()
    {
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
        var random = new Random(17);
        byte[] buffer = new byte[1500];
        for (int i = 0; i < 3000 && server.State == DtlsState.Handshaking || i == 0; i++)
        {
            int length = random.Next(buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            if (i % 2 == 0 && length > 13)
            {
                // Half look like DTLS records, so the deeper layers get exercised too.
                buffer[0] = (byte)random.Next(20, 25);
                buffer[1] = 0xFE;
                buffer[2] = 0xFD;
                buffer[3] = 0;
                buffer[4] = (byte)random.Next(2);
            }

            server.HandleDatagram(TimeSpan.FromMilliseconds(i), buffer.AsSpan(0, length));
        }

        Assert.NotEqual(DtlsState.Connected, server.State);
        Assert.True(server.Counters.DroppedRecords > 1000);
    }

    [Fact]
    public void Random_datagrams_do_not_disturb_a_connected_session()
    {
        using var pair = new EndpointPair();
        Assert.True(pair.Run(new VirtualNetwork(), TimeSpan.FromSeconds(5)));
        byte[] keys = pair.Server.GetSrtpKeyingMaterial();
        var random = new Random(23);
        byte[] buffer = new byte[600];
        for (int i = 0; i < 3000; i++)
        {
            int length = random.Next(14, buffer.Length);
            random.NextBytes(buffer.AsSpan(0, length));
            buffer[0] = (byte)random.Next(20, 25);
            buffer[1] = 0xFE;
            buffer[2] = 0xFD;
            buffer[3] = 0;
            buffer[4] = (byte)random.Next(3);
            buffer[11] = (byte)((length - 13) >> 8);
            buffer[12] = (byte)(length - 13);
            pair.Server.HandleDatagram(TimeSpan.FromSeconds(1), buffer.AsSpan(0, length));
        }

        Assert.Equal(DtlsState.Connected, pair.Server.State);
        Assert.Equal(keys, pair.Server.GetSrtpKeyingMaterial());
        Assert.True(pair.Server.Counters.UndecryptableRecords > 500);
        Assert.True(pair.Server.Counters.UnexpectedEpochRecords > 500);
        Assert.Empty(DatagramParts.Poll(pair.Server));
    }

    [Fact]
    public void Every_truncation_of_a_ClientHello_is_dropped_and_counted()
    {
        byte[] clientHello = FirstClientHelloDatagram();
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);

        for (int length = 1; length < clientHello.Length; length++)
        {
            byte[] truncated = clientHello.AsSpan(0, length).ToArray();
            server.HandleDatagram(TimeSpan.Zero, truncated);

            // The same cut with the record length fixed up, so the handshake header is what lies.
            if (length > 13)
            {
                truncated[11] = (byte)((length - 13) >> 8);
                truncated[12] = (byte)(length - 13);
                server.HandleDatagram(TimeSpan.Zero, truncated);
            }
        }

        Assert.Equal(DtlsState.Handshaking, server.State);
        Assert.Equal((2 * clientHello.Length) - 15, server.Counters.MalformedRecords);
        Assert.Empty(DatagramParts.Poll(server));
    }

    [Fact]
    public void A_record_length_past_the_end_drops_the_whole_datagram()
    {
        byte[] clientHello = FirstClientHelloDatagram();
        clientHello[11] += 4;
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);

        server.HandleDatagram(TimeSpan.Zero, [.. clientHello, .. FirstClientHelloDatagram()]);

        Assert.Equal(1, server.Counters.MalformedRecords);
        Assert.Empty(DatagramParts.Poll(server));
    }

    [Fact]
    public void A_ClientHello_with_an_absurd_extension_length_is_answered_with_decode_error()
    {
        byte[] body = new HelloBuilder().WithBrowserExtensions(7).Build();
        int firstExtensionLength = 2 + 32 + 1 + 1 + 2 + 6 + 2 + 2 + 2;
        body[firstExtensionLength] = 0xFF;
        body[firstExtensionLength + 1] = 0xF0;
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);

        server.HandleDatagram(TimeSpan.Zero, HelloBuilder.Record(1, body));

        Assert.Equal(DtlsState.Failed, server.State);
        Assert.Equal("malformed ClientHello (sent decode_error)", server.FailureReason);
        Assert.Equal(((byte)2, (byte)50), DatagramParts.PlaintextAlert(Assert.Single(DatagramParts.Poll(server))));
    }

    [Fact]
    public void A_fragment_beyond_its_message_or_too_far_ahead_is_dropped()
    {
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
        byte[] beyond = [22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14, 1, 0, 0, 10, 0, 0, 0, 0, 9, 0, 0, 2, 1, 2];
        byte[] farAhead = [22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 1, 0, 13, 1, 0, 0, 1, 0, 100, 0, 0, 0, 0, 0, 1, 7];

        server.HandleDatagram(TimeSpan.Zero, beyond);
        server.HandleDatagram(TimeSpan.Zero, farAhead);

        Assert.Equal(DtlsState.Handshaking, server.State);
        Assert.Equal(1, server.Counters.MalformedRecords);
        Assert.Equal(1, server.Counters.DroppedHandshakeFragments);
    }

    [Fact]
    public void A_message_larger_than_the_limit_fails_the_handshake_before_it_is_buffered()
    {
        using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server, new DtlsOptions { MaxHandshakeMessageSize = 4096 });
        byte[] huge = [22, 0xFE, 0xFD, 0, 0, 0, 0, 0, 0, 0, 0, 0, 13, 1, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7];

        server.HandleDatagram(TimeSpan.Zero, huge);

        Assert.Equal(DtlsState.Failed, server.State);
        Assert.Contains("1048576 bytes exceeds the limit of 4096", server.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_ClientHellos_never_throw_and_end_handshaking_or_failed_with_an_alert()
    {
        byte[] clientHello = FirstClientHelloDatagram();
        var random = new Random(29);
        for (int i = 0; i < 400; i++)
        {
            using var server = new DtlsEndpoint(DtlsRole.Server, TestCertificates.Server);
            server.HandleDatagram(TimeSpan.Zero, MessageParserPropertyTests.Mutate(random, clientHello));

            List<byte[]> sent = DatagramParts.Poll(server);
            if (server.State == DtlsState.Failed)
            {
                Assert.NotNull(server.FailureReason);
                Assert.Equal((byte)2, DatagramParts.PlaintextAlert(Assert.Single(sent))?.Level);
            }
            else
            {
                Assert.Equal(DtlsState.Handshaking, server.State);
            }
        }
    }

    [Fact]
    public void Mutated_server_flights_never_throw_and_never_connect()
    {
        using var pair = new EndpointPair();
        pair.Client.Start(TimeSpan.Zero);
        DatagramParts.Forward(pair.Client, pair.Server, TimeSpan.Zero);
        byte[] flight = Assert.Single(DatagramParts.Poll(pair.Server));
        var random = new Random(31);
        for (int i = 0; i < 400; i++)
        {
            using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
            client.SetRemoteFingerprint(TestCertificates.Server.Fingerprint);
            client.Start(TimeSpan.Zero);
            DatagramParts.Poll(client);

            // This client's random differs from the one the server signed for, so even an intact flight must fail.
            client.HandleDatagram(TimeSpan.Zero, MessageParserPropertyTests.Mutate(random, flight));

            Assert.NotEqual(DtlsState.Connected, client.State);
            Assert.True(client.State == DtlsState.Handshaking || client.FailureReason is not null);
        }
    }

    private static byte[] FirstClientHelloDatagram()
    {
        using var client = new DtlsEndpoint(DtlsRole.Client, TestCertificates.Client);
        client.Start(TimeSpan.Zero);
        return Assert.Single(DatagramParts.Poll(client));
    }
}
