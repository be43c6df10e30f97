# Sourced by ./verify, ./demo and bench/run: start the local MariaDB and Redis if they are down (installing them if
# missing), and install Debian packages the scripts need (nodejs and npm for the console's build).

# Installs Debian packages, as root or through sudo; fails with a clear message where neither is possible.
apt_install() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "Missing Debian packages: $*; install them as root (apt-get install $*) and run again" >&2
      return 1
    fi
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >/dev/null
}

# The console module builds with the machine's Node and npm (never a downloaded Node): Debian's nodejs and npm when
# the machine has no npm.
ensure_npm() {
  if ! command -v npm >/dev/null 2>&1; then
    echo "installing Debian's nodejs and npm for the console build…"
    apt_install nodejs npm
  fi
}

ensure_services() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    apt_install mariadb-server
  fi
  if ! command -v redis-server >/dev/null 2>&1; then
    apt_install redis-server
  fi
  if ! mariadb-admin -uroot -h127.0.0.1 ping >/dev/null 2>&1; then
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  fi
  for _ in $(seq 1 60); do
    if mariadb-admin -uroot -h127.0.0.1 ping >/dev/null 2>&1 && redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
      return 0
    fi
    sleep 1
  done
  echo "MariaDB or Redis did not come up" >&2
  return 1
}
