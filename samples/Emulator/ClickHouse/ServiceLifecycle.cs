using ContractFirst.Emulator.Contracts.ClickHouse;
using Microsoft.Extensions.Options;

namespace ContractFirst.Emulator.ClickHouse;

/// <summary>
/// The state machine of a ClickHouse Cloud service. A command moves the service into a transitional state
/// (<c>provisioning</c>, <c>starting</c>, <c>awaking</c>, <c>stopping</c>), which settles after
/// <see cref="EmulatorOptions.ProvisioningDelay"/> (<c>running</c>, or <c>stopped</c>). The settled state is computed when
/// the service is observed, so nothing runs in the background and a delay of zero settles on the next read.
/// </summary>
public sealed class ServiceLifecycle(IOptions<EmulatorOptions> options, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The state a client sees now.</summary>
    public ServiceState Observe(ServiceRecord record)
    {
        if (Now - record.StateSince < options.Value.ProvisioningDelay) return record.State;
        if (record.State == ServiceState.Stopping) return ServiceState.Stopped;
        if (record.State == ServiceState.Provisioning || record.State == ServiceState.Starting || record.State == ServiceState.Awaking)
        {
            return ServiceState.Running;
        }

        return record.State;
    }

    /// <summary>The record as a client sees it now.</summary>
    public Service Present(ServiceRecord record) => record.Service with { State = Observe(record) };

    /// <summary>
    /// The state that <paramref name="command"/> leads to from <paramref name="current"/>: the same state when there is
    /// nothing to do (stopping a stopped service), or a conflict message when the command cannot apply now.
    /// </summary>
    public static (ServiceState Next, string? Conflict) Apply(ServiceState current, ServiceStatePatchRequestCommand command)
    {
        if (command == ServiceStatePatchRequestCommand.Stop)
        {
            if (current == ServiceState.Running || current == ServiceState.Idle) return (ServiceState.Stopping, null);
            if (current == ServiceState.Stopped || current == ServiceState.Stopping) return (current, null);
            return (current, $"The service is {current}; it can be stopped once it is running.");
        }

        // start and awake
        if (current == ServiceState.Stopped) return (command == ServiceStatePatchRequestCommand.Awake ? ServiceState.Awaking : ServiceState.Starting, null);
        if (current == ServiceState.Idle) return (ServiceState.Awaking, null);
        if (current == ServiceState.Stopping) return (current, "The service is stopping; it can be started once it is stopped.");
        return (current, null);
    }
}
