using QuickStart;

// The main job: the emulator of the three APIs, in-process, driven through the generated clients. Exits 0 on success.
return await QuickStartDemo.RunAsync(Console.Out);
