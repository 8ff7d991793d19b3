package org.parley.camel.dialog;

import java.lang.System.Logger.Level;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.parley.ivr.dialog.CallChannel;
import org.parley.ivr.dialog.CallInfo;
import org.parley.ivr.dialog.CallerHungUpException;
import org.parley.ivr.dialog.Listened;

/** The dialog's {@link CallChannel} carried out as AGI commands through asterisk-java. */
final class AsteriskCallChannel implements CallChannel {

    private static final System.Logger LOG = System.getLogger(AsteriskCallChannel.class.getName());

    private final AgiRequest request;
    private final AgiChannel agi;
    private final CallInfo info;
    private final SpeechTransport speech;

    AsteriskCallChannel(AgiRequest request, AgiChannel agi, SpeechTransport speech) {
        this.request = request;
        this.agi = agi;
        this.speech = speech;
        this.info = new CallInfo(request.getUniqueId(), request.getChannel(), callerNumber(request), request.getDnid(), request.getContext(),
                request.getLanguage());
    }

    /** Asterisk writes "unknown" in agi_callerid when no number was presented. */
    private static String callerNumber(AgiRequest request) {
        String number = request.getCallerIdNumber();
        return number == null || "unknown".equalsIgnoreCase(number) ? "" : number;
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public void answer() {
        run(agi::answer);
    }

    @Override
    public void play(String soundFile) {
        run(() -> agi.streamFile(soundFile));
        if (agi.getLastReply() != null && agi.getLastReply().getResultCode() == -1) {
            failedToPlay(soundFile);
        }
    }

    @Override
    public String collectDigits(String promptFile, int timeoutMillis, int maxDigits) {
        String result = call(() -> agi.getData(promptFile, timeoutMillis, maxDigits));
        if ("-1".equals(result)) {
            failedToPlay(promptFile);
            return "";
        }
        return result == null ? "" : result;
    }

    /**
     * STREAM FILE and GET DATA answer result=-1 both when the caller hung up and when Asterisk has no
     * such sound file: the channel's status tells them apart. A missing prompt is logged with the fix
     * and the dialog goes on (the caller hears nothing for it, but is not dropped).
     */
    private void failedToPlay(String soundFile) {
        int status;
        try {
            status = agi.getChannelStatus();
        } catch (AgiException e) {
            // AgiHangupException, or the session broke: either way the channel is gone
            throw new CallerHungUpException(info.uniqueId());
        }
        // CHANNEL STATUS: 6 = up; anything else (or -1: no channel) means the caller is gone
        if (status != 6 && status != 4) {
            throw new CallerHungUpException(info.uniqueId());
        }
        LOG.log(Level.WARNING, "call {0} ({1}): Asterisk could not play {2}: no such sound file in its sounds directory for language"
                + " \"{3}\". Install asterisk-conf''s prompts (install-asterisk-conf.sh) or record it", info.uniqueId(), request.getChannel(),
                soundFile, info.language());
    }

    @Override
    public boolean canListen() {
        return speech.available();
    }

    @Override
    public boolean playsWhileListening(String soundFile) {
        return speech.playsWhileListening(soundFile);
    }

    @Override
    public Listened listen(String soundFile) {
        return call(() -> speech.listen(request, agi, info.uniqueId(), soundFile));
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(call(() -> agi.getVariable(name)));
    }

    @Override
    public void setVariable(String name, String value) {
        run(() -> agi.setVariable(name, value));
    }

    @Override
    public void hangup() {
        run(agi::hangup);
    }

    private interface AgiAction {
        void run() throws AgiException;
    }

    private interface AgiCall<T> {
        T call() throws AgiException;
    }

    private void run(AgiAction action) {
        call(() -> {
            action.run();
            return null;
        });
    }

    private <T> T call(AgiCall<T> command) {
        try {
            return command.call();
        } catch (AgiHangupException e) {
            throw new CallerHungUpException(info.uniqueId());
        } catch (AgiException e) {
            throw new IllegalStateException("AGI command failed on call " + info.uniqueId() + " (" + request.getChannel() + "): "
                    + e.getMessage(), e);
        }
    }
}
