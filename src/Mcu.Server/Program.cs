using Mcu.Server;

using var app = McuServerApp.Create(args);
app.Run();
