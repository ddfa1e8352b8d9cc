"""``fogline serve`` (the web app and API) and ``fogline users ...`` (accounts, roles, API tokens)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from fogline import users as users_lib
from fogline.commands.common import CliError, DbOption, clean_errors, console, open_db

users_app = typer.Typer(
    help="Manage who may sign in to `fogline serve`: roles viewer, analyst, admin.", no_args_is_help=True
)

RoleOption = Annotated[str, typer.Option("--role", "-r", help="viewer (read), analyst (review) or admin.")]
PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from standard input instead of a prompt.")
]


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    if not password:
        raise CliError("empty password")
    return password


def _check_port(host: str, port: int) -> None:
    """Fail with one line before starting when the address is taken (uvicorn would log and exit 3)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise CliError(f"cannot listen on {host!r}: {exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8000,
    anonymous_read: Annotated[
        bool,
        typer.Option(
            "--anonymous-read", help="Let visitors read without signing in (review still needs one)."
        ),
    ] = False,
) -> None:
    """Serve the web app and the JSON API (OpenAPI schema at /openapi.json)."""
    with clean_errors():
        import uvicorn

        from fogline.web.app import create_app

        store = open_db(db)
        app = create_app(store, anonymous_read=anonymous_read)
        if not users_lib.list_users(store) and not anonymous_read:
            console.print(
                "[yellow]No users yet:[/yellow] add one with `fogline users add NAME --role admin`, "
                "or start with --anonymous-read."
            )
        _check_port(host, port)
        console.print(f"Fogline on http://{host}:{port}/ (Ctrl-C to stop)")
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: RoleOption = "viewer",
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
) -> None:
    """Create a user; the password is asked for (or read from stdin) and only its hash is stored."""
    with clean_errors():
        store = open_db(db, create=True)
        users_lib.add_user(store, name, _read_password(password_stdin), role)
        console.print(f"added {name} ({role})", highlight=False)


@users_app.command("remove")
def users_remove(name: str, db: DbOption = None) -> None:
    """Delete a user (their sessions and token stop working)."""
    with clean_errors():
        users_lib.remove_user(open_db(db), name)
        console.print(f"removed {name}", highlight=False)


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """List users with their role and whether they have an API token."""
    with clean_errors():
        for user in users_lib.list_users(open_db(db)):
            token = "token" if user.token_hash else ""
            console.print(f"{user.name}\t{user.role}\t{user.created_at}\t{token}".rstrip(), highlight=False)


@users_app.command("role")
def users_role(
    name: str, role: Annotated[str, typer.Argument(help="viewer, analyst or admin")], db: DbOption = None
) -> None:
    """Change a user's role."""
    with clean_errors():
        users_lib.set_role(open_db(db), name, role)
        console.print(f"{name} is now {role}", highlight=False)


@users_app.command("password")
def users_password(name: str, password_stdin: PasswordStdin = False, db: DbOption = None) -> None:
    """Set a new password; the user's sessions end and their API token stops working."""
    with clean_errors():
        store = open_db(db)
        before = users_lib.get_user(store, name)
        had_token = before is not None and bool(before.token_hash)
        users_lib.set_password(store, name, _read_password(password_stdin))
        console.print(f"password changed for {name}; their sessions were signed out", highlight=False)
        if had_token:
            console.print(f"their API token was revoked: `fogline users token {name}` issues a new one")


@users_app.command("token")
def users_token(name: str, db: DbOption = None) -> None:
    """Issue a new API token (replaces the old one). It is printed once; only its hash is kept."""
    with clean_errors():
        token = users_lib.new_token(open_db(db), name)
        typer.echo(token)


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
