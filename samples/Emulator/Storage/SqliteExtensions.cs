using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace ContractFirst.Emulator.Storage;

/// <summary>Small helpers that keep the stores' SQL readable.</summary>
internal static class SqliteExtensions
{
    /// <summary>SQLite's primary result code for a constraint violation (UNIQUE, PRIMARY KEY, …).</summary>
    private const int SqliteConstraint = 19;

    public static void Execute(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A command with named parameters: <c>("$tenant", tenant)</c>. A null value is SQL NULL.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static SqliteCommand Command(this SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        connection.Command(sql, null, parameters);

    /// <summary>Reads every row's first column as a JSON document of <typeparamref name="T"/>.</summary>
    public static async Task<List<T>> ReadDocumentsAsync<T>(this SqliteCommand command, JsonTypeInfo<T> typeInfo)
    {
        var documents = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) documents.Add(Deserialize(reader.GetString(0), typeInfo));
        return documents;
    }

    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(value, typeInfo);

    public static T Deserialize<T>(string json, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new InvalidDataException($"A stored {typeof(T).Name} is null.");

    public static bool IsConstraintViolation(this SqliteException exception) => exception.SqliteErrorCode == SqliteConstraint;
}
