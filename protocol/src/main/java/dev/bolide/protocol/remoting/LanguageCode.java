package dev.bolide.protocol.remoting;

/** The sender's language; its ordinal is the byte used by the ROCKETMQ binary header. */
public enum LanguageCode {
    JAVA, CPP, DOTNET, PYTHON, DELPHI, ERLANG, RUBY, OTHER, HTTP, GO, PHP, OMS, RUST;

    public static LanguageCode of(int code) {
        return code >= 0 && code < values().length ? values()[code] : OTHER;
    }
}
