namespace ContractFirst.Emulator;

/// <summary>The <c>Emulator</c> configuration section.</summary>
public sealed class EmulatorOptions
{
    public const string Section = "Emulator";

    /// <summary>The default tenant, used by the default credentials.</summary>
    public const string DevTenant = "dev";

    public const string DevToken = "dev-token";
    public const string DevKeyId = "dev-key";
    public const string DevKeySecret = "dev-secret";

    /// <summary>The SQLite file; a relative path is under the content root. Default <c>data/emulator.db</c>.</summary>
    public string Database { get; set; } = "data/emulator.db";

    /// <summary>How long a ClickHouse service stays in a transitional state (provisioning, starting, stopping). Default 1 s.</summary>
    public TimeSpan ProvisioningDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Bearer tokens (Miget, BRIDGEPORT) and the tenant each one belongs to. Default <c>dev-token</c> → <c>dev</c>.</summary>
    public Dictionary<string, string> Tokens { get; set; } = new(StringComparer.Ordinal);

    /// <summary>ClickHouse API keys by key id. Default <c>dev-key</c> with the secret <c>dev-secret</c>, tenant <c>dev</c>.</summary>
    public Dictionary<string, ApiKeyOptions> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether the defaults are in use, i.e. no tokens and keys were configured.</summary>
    internal bool UsesDevTokens { get; private set; }

    internal bool UsesDevKeys { get; private set; }

    /// <summary>Fills in the development credentials where none are configured.</summary>
    internal void ApplyDefaults()
    {
        if (Tokens.Count == 0)
        {
            Tokens[DevToken] = DevTenant;
            UsesDevTokens = true;
        }

        if (Keys.Count == 0)
        {
            Keys[DevKeyId] = new ApiKeyOptions { Secret = DevKeySecret, Tenant = DevTenant };
            UsesDevKeys = true;
        }
    }
}

/// <summary>A ClickHouse Cloud API key: the key id is the Basic user name, the secret its password.</summary>
public sealed class ApiKeyOptions
{
    public string Secret { get; set; } = "";

    public string Tenant { get; set; } = EmulatorOptions.DevTenant;
}
