/** The `deskpilot --help` text. */
export const USAGE = `Usage: deskpilot [options] <command> [arguments]

Phones kept in the settings:
  phones add NAME URL [--user U] [--password P] [--accept-certificate SHA256]
  phones list
  phones remove NAME
  watch --all                   every phone's events as JSON lines until Ctrl-C, each line
                                naming its phone (phoneId, phone); a snapshot line per phone
                                first

Commands for one phone (--phone NAME, or --url URL --user U --password P; with a single
configured phone, --phone may be left out):
  info                          device, network and hardware details
  status                        connection health, model and firmware
  lines                         line registrations
  calls                         current calls
  watch                         phone events as JSON lines until Ctrl-C
  push on|off|status            instant call events: the phone posts each call event here
                                (on: shows and makes the change, then waits --wait SECONDS,
                                default 60, for the first event; off: puts the phone's
                                settings back)
  dial NUMBER [--line N] [--no-wait]
                                place a call (number, tel:/sip: link or SIP address) and
                                wait until it connects; exit 1 saying why if it fails
  answer|ignore|reject|hold|resume [HANDLE]
  end [HANDLE]                  end a call (the active or only call when HANDLE is left out)
  mute on|off
  transfer HANDLE NUMBER        blind transfer
  dtmf DIGITS
  logs [missed|received|placed]
  config get NAME...
  config set NAME=VALUE...
  export-config URL TYPE        TYPE: ConfigFiles, Local, Web, Device or All
  screen                        the screen's UI XML
  touch X Y                     tap the touch screen
  restart|reboot|factory-reset --yes

Options:
  --json                     machine-readable output (errors also as {"error": ...})
  --data-dir DIR             settings folder (or DESKPILOT_DATA_DIR; default: your per-user folder)
  --phone NAME               a phone from the settings
  --url URL                  a phone not in the settings, e.g. https://192.168.1.20
  --user U                   user name (default Polycom)
  --password P               password (or DESKPILOT_PASSWORD, which keeps it out of ps);
                             with --phone, used for this run instead of the stored one
  --accept-certificate SHA256  trust this HTTPS certificate fingerprint
  --line N                   line for dial
  --wait SECONDS             how long "push on" waits for the first event (0: not at all)
  --no-wait                  dial: report the call as soon as the phone shows it
  --yes                      confirm restart, reboot and factory-reset
  --all                      watch: every configured phone
  -h, --help                 this text

Exit status: 0 success, 1 the phone or Deskpilot refused (reason on stderr), 2 wrong usage.
`;
