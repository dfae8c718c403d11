/** The `deskpilot --help` text. */
export const USAGE = `Usage: deskpilot [options] <command> [arguments]

Phones kept in the settings:
  phones add NAME URL [--user U] [--password P] [--accept-certificate SHA256]
  phones list
  phones remove NAME

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

Many phones at once (admin password; --phone NAME repeatable, --group G, or every phone;
progress on stderr, Ctrl-C cancels after the phones in hand and prints what was done):
  fleet import FILE [--dry-run] [--accept SHA256]... [--accept-listed-certificates]
                                add phones from a CSV file (columns name, address or url,
                                optional group, username, password); --dry-run previews each
                                row and lists the certificates; a certificate is trusted only
                                when accepted; --group: the group of rows without one
  fleet inventory [--csv]       model, firmware, MAC, lines, uptime; firmware per model
  fleet config-set NAME=VALUE... [--dry-run]
                                per-phone diff (current value and source → new), then one phone
                                first and the rest one by one, stopping at the first failure
  fleet restart [--reboot] [--stagger SECONDS] [--include-in-call] [--dry-run]
                                one phone after another (default 10 s apart); phones in a call
                                are left alone unless --include-in-call

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
  --password-stdin           read the password from the first line of standard input
  --dry-run                  fleet: say what would happen, change nothing
  -h, --help                 this text

Exit status: 0 success, 1 the phone or Deskpilot refused (reason on stderr) or a fleet command
did not do everything asked (its report says what it did), 2 wrong usage.
`;
