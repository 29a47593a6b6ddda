using Mcu.Server.Turn;

namespace Mcu.Server.Tests.Turn;

public sealed class TurnRestCredentialsTests
{
    [Fact]
    public void The_username_is_expiry_colon_name_and_the_password_base64_hmac_sha1_of_it()
    {
        // Expected value from: printf '%s' '1700000000:alice' | openssl dgst -sha1 -hmac north -binary | base64
        var (username, credential) = TurnRestCredentials.Create("north", "alice", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

        Assert.Equal("1700000000:alice", username);
        Assert.Equal("Cd/49soE35ICqcJF/bCTn8Z4OyE=", credential);
    }
}
