using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ContractFirst.Validation;

/// <summary>One violated schema constraint.</summary>
/// <param name="Field">The field, as a path from the validated value: <c>body.tier</c>, <c>body.tags[2]</c>, <c>limit</c>.</param>
/// <param name="Keyword">The JSON Schema keyword violated: <c>minimum</c>, <c>pattern</c>, <c>required</c>…</param>
/// <param name="Message">What is wrong, naming the bound; never the whole offending string value.</param>
public sealed record ValidationError(string Field, string Keyword, string Message)
{
    /// <summary>
    /// The RFC 6901 JSON Pointer of the offending value within the validated JSON document (<c>/items/2/name</c>), when
    /// the error comes from validating JSON; null for parameters.
    /// </summary>
    public string? Pointer { get; init; }

    /// <summary>"field: message".</summary>
    public override string ToString() => Field + ": " + Message;
}

/// <summary>Collects every violation of one validation pass; never throws.</summary>
public sealed class ValidationContext
{
    private List<ValidationError>? _errors;

    /// <summary>True when at least one error was added.</summary>
    public bool HasErrors => _errors is { Count: > 0 };

    /// <summary>The errors, in the order they were found.</summary>
    public IReadOnlyList<ValidationError> Errors => (IReadOnlyList<ValidationError>?)_errors ?? Array.Empty<ValidationError>();

    /// <summary>Adds an error.</summary>
    /// <param name="field">The field path.</param>
    /// <param name="keyword">The JSON Schema keyword.</param>
    /// <param name="message">The message.</param>
    public void Add(string field, string keyword, string message) => (_errors ??= []).Add(new ValidationError(field, keyword, message));

    /// <summary>Adds an error.</summary>
    /// <param name="error">The error.</param>
    public void Add(ValidationError error) => (_errors ??= []).Add(error);

    /// <summary>Throws a <see cref="RequestValidationException"/> listing every error, if there is any.</summary>
    public void ThrowIfInvalid()
    {
        if (HasErrors)
        {
            throw new RequestValidationException(_errors!);
        }
    }

    /// <summary>The path prefix for the members of a nested object: <c>path + name + "."</c>.</summary>
    /// <param name="path">The current prefix ("" at the top).</param>
    /// <param name="name">The property's wire name.</param>
    public static string Member(string path, string name) => string.Concat(path, name, ".");

    /// <summary>The field name of an item of an array: <c>path + name + "[index]"</c>.</summary>
    /// <param name="path">The current prefix.</param>
    /// <param name="name">The array property's wire name.</param>
    /// <param name="index">The item's index.</param>
    public static string Item(string path, string name, int index) =>
        string.Concat(path, name, "[", index.ToString(CultureInfo.InvariantCulture), "]");
}

/// <summary>A generated model that checks its own constraints.</summary>
public interface IValidatable
{
    /// <summary>Adds every violated constraint of this value (and the values it contains) to <paramref name="context"/>.</summary>
    /// <param name="context">Where errors go.</param>
    /// <param name="path">The prefix for field names: "" at the top, else e.g. <c>"body.items[2]."</c>.</param>
    void Validate(ValidationContext context, string path);
}

/// <summary>
/// A request that the client would send violates the spec. <see cref="ArgumentException.ParamName"/> is the first field;
/// the message lists every error.
/// </summary>
public sealed class RequestValidationException : ArgumentException
{
    /// <summary>Creates the exception from the errors of a validation pass.</summary>
    /// <param name="errors">At least one error.</param>
    public RequestValidationException(IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors), errors is { Count: > 0 } ? errors[0].Field : null)
    {
        Errors = errors;
    }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one validation error is needed.", nameof(errors));
        }

        var sb = new StringBuilder(errors.Count == 1 ? "The request is invalid: " : "The request is invalid (" + errors.Count.ToString(CultureInfo.InvariantCulture) + " errors): ");
        for (int i = 0; i < errors.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("; ");
            }

            sb.Append(errors[i].Field).Append(' ').Append(errors[i].Message);
        }

        return sb.Append('.').ToString();
    }
}
