package com.krleads.scraper.cli;

import com.krleads.scraper.auth.ApiTokens;
import com.krleads.scraper.auth.Role;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.Arrays;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code keys new <reader|operator>}: prints a new random token, for the client, and the line
 * for the keys file, which holds only the token's SHA-256. The token is shown once and kept nowhere.
 */
public class KeysCommand extends Command {
    private final PrintStream out;

    public KeysCommand() {
        this(System.out);
    }

    KeysCommand(PrintStream out) {
        super("keys", "API keys: 'keys new <reader|operator>' prints a new token and its keys-file line");
        this.out = out;
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("new").help("what to do with API keys");
        subparser.addArgument("role").choices(Arrays.stream(Role.values()).map(Role::label).toList())
                .help("reader: GET only; operator: also create, change and delete");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        Role role = Role.parse(namespace.getString("role")).orElseThrow();
        String token = ApiTokens.newToken();
        out.println("Token for the client (shown only now; send it as 'Authorization: Bearer <token>'):");
        out.println(token);
        out.println();
        out.println("Line for the keys file (auth.keysFile, API_KEYS_FILE):");
        out.println(role.label() + " " + ApiTokens.sha256Hex(token));
    }
}
