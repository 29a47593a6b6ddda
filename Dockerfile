# syntax=docker/dockerfile:1
# The MCU on Debian 12, the platform it is developed and tested on. Debian packages come from
# .setup/debian-packages.txt through .setup/ensure-packages.sh, exactly as on a developer
# machine (tests/Mcu.Build.Tests checks that this file installs nothing else). .NET itself is
# copied from Microsoft's images, whose own tags are Ubuntu or Debian 13 based.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS dotnet-sdk
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet-runtime

FROM debian:bookworm-slim AS build
COPY --from=dotnet-sdk /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
WORKDIR /src
COPY .setup/ .setup/
RUN .setup/ensure-packages.sh --no-recommends build run
COPY . .
RUN dotnet publish src/Mcu.Server/Mcu.Server.csproj -c Release -o /app

FROM debian:bookworm-slim AS runtime
COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY .setup/ /opt/mcu-setup/
RUN /opt/mcu-setup/ensure-packages.sh --no-recommends run && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY layouts/ ./layouts/
# Inside a container the HTTP server must listen on every interface.
ENV Urls=http://0.0.0.0:8080
# Recordings outlive the container when a volume is mounted here.
ENV Recording__Directory=/app/recordings
VOLUME /app/recordings
# HTTP (signaling, API, browser app)
EXPOSE 8080/tcp
# Media for every peer: one UDP port
EXPOSE 50000/udp
ENTRYPOINT ["dotnet", "Mcu.Server.dll"]
