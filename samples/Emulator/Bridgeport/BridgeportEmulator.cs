using ContractFirst.Emulator.Auth;
using ContractFirst.Emulator.Contracts.Bridgeport;
using Api = ContractFirst.Emulator.Contracts.Bridgeport.IBridgeportServer;

namespace ContractFirst.Emulator.Bridgeport;

/// <summary>
/// BRIDGEPORT: databases in environments. Every error is the <c>ErrorEnvelope</c> with the request id: the generated
/// server answers <c>VALIDATION_ERROR</c> for input that breaks the schema, this class for the rules beyond it, and
/// <c>CONFLICT</c> for a name that the environment already has.
/// </summary>
public sealed class BridgeportEmulator(BridgeportStore store, TimeProvider time) : Api
{
    public async Task<Api.CreateDatabaseResult> CreateDatabaseAsync(string envId, CreateDatabaseRequest body, HttpContext httpContext, CancellationToken cancellationToken)
    {
        if (DatabaseRules.Check(body) is { } violation)
        {
            return Api.CreateDatabaseResult.BadRequest(Error(ErrorEnvelopeCode.ValidationError, violation.Message, violation.Field, httpContext));
        }

        var database = DatabaseRules.NewDatabase(envId, body, time.GetUtcNow());
        if (await store.TryInsertAsync(httpContext.Tenant(), database)) return database;

        return Api.CreateDatabaseResult.Conflict(Error(
            ErrorEnvelopeCode.Conflict, $"A database named '{body.Name}' already exists in environment '{envId}'.", "name", httpContext,
            hint: "Database names are unique within an environment: choose another name."));
    }

    private static ErrorEnvelope Error(ErrorEnvelopeCode code, string message, string field, HttpContext httpContext, string? hint = null)
    {
        var error = new ErrorEnvelope { Code = code, Message = message, Field = field, RequestId = httpContext.TraceIdentifier };
        if (hint is not null) error.Hint = hint;
        return error;
    }
}
