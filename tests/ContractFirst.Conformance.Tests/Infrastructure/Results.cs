namespace ContractFirst.Conformance.Tests.Infrastructure;

/// <summary>
/// What happened to one case on both paths. <see cref="Status"/> is the server's answer (null when the group's operation
/// was not generated or did not compile); <see cref="ValidateValid"/> is the models' verdict (null when it could not be
/// asked).
/// </summary>
public sealed record CaseResult(Draft Draft, string File, int Group, int Case, string Description, string DataJson, bool Valid, int? Status, string? ServerDetail, bool? ValidateValid, string? ValidateDetail)
{
    /// <summary>Agree = (valid and 2xx) or (invalid and 400).</summary>
    public bool ServerAgrees => Status is { } s && (Valid ? s is >= 200 and < 300 : s == 400);

    /// <summary>Agree = valid == (no exception and no errors).</summary>
    public bool ValidateAgrees => ValidateValid is { } v && v == Valid;

    public bool Is5xx => Status is >= 500;

    /// <summary>Validate (or the deserialization before it) threw something else than a JsonException.</summary>
    public bool ValidateCrashed { get; init; }
}

/// <summary>A group whose operation or body model was not generated or did not compile: all its cases disagree.</summary>
public sealed record GroupFailure(Draft Draft, string File, int Group, string Description, string Reason);

/// <summary>A diagnostic that the generator reported inside a group's path item (informational).</summary>
public sealed record GroupDiagnostic(Draft Draft, string File, int Group, string Id, string Severity, string Message);

public sealed class ConformanceResults
{
    public List<KeywordFile> Files { get; } = new();

    public List<CaseResult> Cases { get; } = new();

    public List<GroupFailure> Failures { get; } = new();

    public List<GroupDiagnostic> Diagnostics { get; } = new();

    public List<string> Log { get; } = new();

    /// <summary>Cases checked both from the bytes (the streaming pass, then the full one) and from a parsed document.</summary>
    public int BytesAgainstDocumentChecked { get; set; }

    /// <summary>Cases where those two disagreed (validity or errors): must stay empty.</summary>
    public List<string> BytesAgainstDocumentDisagreements { get; } = new();

    public TimeSpan Elapsed { get; set; }

    public IEnumerable<CaseResult> Covered => Cases.Where(c => Files.Any(f => f.Draft == c.Draft && f.Name == c.File && f.Covered));

    public static double Ratio(int agree, int cases) => cases == 0 ? 1 : (double)agree / cases;

    public double ServerAgreement(Draft draft)
    {
        var cases = Covered.Where(c => c.Draft == draft).ToList();
        return Ratio(cases.Count(c => c.ServerAgrees), cases.Count);
    }

    public double ValidateAgreement(Draft draft)
    {
        var cases = Covered.Where(c => c.Draft == draft).ToList();
        return Ratio(cases.Count(c => c.ValidateAgrees), cases.Count);
    }
}
