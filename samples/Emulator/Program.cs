using ContractFirst.Emulator;

await EmulatorApp.Build(args).RunAsync();
