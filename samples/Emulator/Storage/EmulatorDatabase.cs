using Microsoft.Data.Sqlite;

namespace ContractFirst.Emulator.Storage;

/// <summary>
/// The emulator's SQLite file. Reads run concurrently on pooled connections (WAL lets them proceed during a write);
/// writes are serialized in-process and each one is a single <c>BEGIN IMMEDIATE</c> transaction, so concurrent requests
/// never lose or interleave an update. A busy timeout covers another process that has the same file open.
/// </summary>
public sealed class EmulatorDatabase : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    private EmulatorDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating the folder, the file and the schema where missing) the database at <paramref name="path"/>.</summary>
    public static EmulatorDatabase Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var database = new EmulatorDatabase(full);
        using var connection = database.OpenConnection();
        connection.Execute("PRAGMA journal_mode = WAL;");
        connection.Execute(Schema.Sql);
        return database;
    }

    /// <summary>Runs a read on its own connection.</summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, Task<T>> read)
    {
        await using var connection = OpenConnection();
        return await read(connection);
    }

    /// <summary>Runs a write as one transaction, committed when <paramref name="write"/> returns, serialized with every other write.</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> write)
    {
        await _writeLock.WaitAsync();
        try
        {
            await using var connection = OpenConnection();
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await write(connection, transaction);
            await transaction.CommitAsync();
            return result;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the pooled connections, so the file can be moved or deleted.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        connection.Execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        return connection;
    }
}
