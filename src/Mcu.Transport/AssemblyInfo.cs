[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Mcu.Transport.Tests")]
