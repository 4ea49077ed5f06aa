from walcli.cli import main

main()
