using System;
using System.Collections.Generic;
using System.Linq;
using ContractFirst.Generator.Model;
using Microsoft.OpenApi;
using ParameterLocationModel = ContractFirst.Generator.Model.ParameterLocation;

namespace ContractFirst.Generator.Reading;

/// <summary>The spec's security: its schemes (<c>components/securitySchemes</c>) and what each operation requires.</summary>
internal static class SecurityReader
{
    public static ImmutableEquatableArray<SecuritySchemeModel> Schemes(OpenApiDocument document)
    {
        var schemes = document.Components?.SecuritySchemes;
        if (schemes is null) return ImmutableEquatableArray<SecuritySchemeModel>.Empty;
        return schemes.Select(pair =>
        {
            var scheme = pair.Value;
            var kind = scheme.Type switch
            {
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Bearer,
                SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => SecuritySchemeKind.Basic,
                SecuritySchemeType.ApiKey => SecuritySchemeKind.ApiKey,
                SecuritySchemeType.OAuth2 => SecuritySchemeKind.OAuth2,
                SecuritySchemeType.OpenIdConnect => SecuritySchemeKind.OpenIdConnect,
                _ => SecuritySchemeKind.Other,
            };
            var location = scheme.In switch
            {
                Microsoft.OpenApi.ParameterLocation.Query => ParameterLocationModel.Query,
                Microsoft.OpenApi.ParameterLocation.Cookie => ParameterLocationModel.Cookie,
                _ => ParameterLocationModel.Header,
            };
            return new SecuritySchemeModel(pair.Key, kind, scheme.Name, location, SchemaFacts.Clean(scheme.Description));
        }).ToImmutableEquatableArray();
    }

    /// <summary>An operation's requirements: its own <c>security</c>, or else the document's; alternatives of schemes used together.</summary>
    public static ImmutableEquatableArray<SecurityRequirementModel> Requirements(OpenApiOperation operation, OpenApiDocument document)
        => (operation.Security ?? document.Security ?? new List<OpenApiSecurityRequirement>())
            .Select(requirement => new SecurityRequirementModel(requirement
                .Where(pair => pair.Key.Reference?.Id is not null)
                .Select(pair => new SecurityUse(pair.Key.Reference.Id!, (pair.Value ?? new List<string>()).ToImmutableEquatableArray()))
                .ToImmutableEquatableArray()))
            .ToImmutableEquatableArray();
}
