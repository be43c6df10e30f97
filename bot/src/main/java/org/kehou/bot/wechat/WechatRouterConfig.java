package org.kehou.bot.wechat;

import static me.chanjar.weixin.common.api.WxConsts.EventType.SCAN;
import static me.chanjar.weixin.common.api.WxConsts.EventType.SUBSCRIBE;
import static me.chanjar.weixin.common.api.WxConsts.EventType.TEMPLATE_SEND_JOB_FINISH;
import static me.chanjar.weixin.common.api.WxConsts.EventType.UNSUBSCRIBE;
import static me.chanjar.weixin.common.api.WxConsts.XmlMsgType.EVENT;
import static me.chanjar.weixin.common.api.WxConsts.XmlMsgType.TEXT;
import static me.chanjar.weixin.common.api.WxConsts.XmlMsgType.VOICE;

import me.chanjar.weixin.mp.api.WxMpMessageRouter;
import me.chanjar.weixin.mp.api.WxMpService;
import org.kehou.bot.absence.AbsenceReplyHandler;
import org.kehou.bot.absence.OpenAbsenceCase;
import org.kehou.bot.agreement.AgreementHandler;
import org.kehou.bot.agreement.AwaitingSignature;
import org.kehou.bot.agreement.SignHandler;
import org.kehou.bot.binding.BindHandler;
import org.kehou.bot.binding.ConfirmUnbindHandler;
import org.kehou.bot.binding.ScanBindHandler;
import org.kehou.bot.binding.SubscribeHandler;
import org.kehou.bot.binding.SwitchHandler;
import org.kehou.bot.binding.UnbindHandler;
import org.kehou.bot.binding.UnsubscribeHandler;
import org.kehou.bot.binding.WhichChild;
import org.kehou.bot.binding.WhichChildHandler;
import org.kehou.bot.duty.SignInHandler;
import org.kehou.bot.duty.SignOutHandler;
import org.kehou.bot.enrolment.ApplyHandler;
import org.kehou.bot.enrolment.CancelHandler;
import org.kehou.bot.enrolment.ConfirmHandler;
import org.kehou.bot.enrolment.PickHandler;
import org.kehou.bot.enrolment.StatusHandler;
import org.kehou.bot.fee.StatementsHandler;
import org.kehou.bot.help.FallbackHandler;
import org.kehou.bot.help.HelpHandler;
import org.kehou.bot.help.OtherEventHandler;
import org.kehou.bot.help.UntranscribedVoiceHandler;
import org.kehou.bot.leave.CancelLeaveHandler;
import org.kehou.bot.leave.LeaveHandler;
import org.kehou.bot.pickup.CancelHomeAloneHandler;
import org.kehou.bot.pickup.HomeAloneHandler;
import org.kehou.bot.pickup.HomeAloneNameHandler;
import org.kehou.bot.pickup.PickupHandler;
import org.kehou.bot.letter.LetterHandler;
import org.kehou.bot.letter.ReadHandler;
import org.kehou.bot.notice.ConfirmNoticeHandler;
import org.kehou.bot.notice.NoticesHandler;
import org.kehou.bot.outbox.TemplateReportHandler;
import org.kehou.bot.withdrawal.ConfirmWithdrawHandler;
import org.kehou.bot.withdrawal.DeclineOfferHandler;
import org.kehou.bot.withdrawal.WithdrawHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Everything the bot understands, one rule per event or command, first match wins. Every replying rule is synchronous:
 * WxJava's asynchronous rules return no reply. Command words come from the templates (messages.properties). A menu tap
 * (MenuClick) and a transcribed voice message (SpokenText) reach these rules as the text they stand for.
 */
@Configuration(proxyBeanMethods = false)
class WechatRouterConfig {

  @Bean(destroyMethod = "shutDownExecutorService")
  WxMpMessageRouter wxMpMessageRouter(WxMpService wechat, Commands c,
      SubscribeHandler subscribe, ScanBindHandler scanBind, UnsubscribeHandler unsubscribe,
      TemplateReportHandler templateReport,
      OtherEventHandler otherEvent,
      BindHandler bind, UnbindHandler unbind, ConfirmUnbindHandler confirmUnbind, SwitchHandler switchChild,
      WhichChild answeringWhichChild, WhichChildHandler whichChild,
      LetterHandler letter, ReadHandler read,
      ApplyHandler apply, PickHandler pick, ConfirmHandler confirm, CancelHandler cancel, StatusHandler status,
      AgreementHandler agreement, AwaitingSignature awaitingSignature, SignHandler sign,
      WithdrawHandler withdraw, ConfirmWithdrawHandler confirmWithdraw, DeclineOfferHandler decline,
      LeaveHandler leave, CancelLeaveHandler cancelLeave, PickupHandler pickup, HomeAloneHandler homeAlone,
      CancelHomeAloneHandler cancelHomeAlone, HomeAloneNameHandler homeAloneName,
      ConfirmNoticeHandler confirmNotice, NoticesHandler notices, StatementsHandler statements,
      SignInHandler signIn, SignOutHandler signOut,
      UntranscribedVoiceHandler untranscribedVoice,
      HelpHandler help, OpenAbsenceCase openAbsenceCase, AbsenceReplyHandler absenceReply,
      FallbackHandler fallback) {
    WxMpMessageRouter router = new WxMpMessageRouter(wechat);
    // Retries are recognised in Redis across instances (MessageDedup) before routing; the router's own check is per JVM.
    router.setMessageDuplicateChecker(messageId -> false);
    return router
        // A binding slip's QR code: scanned to follow (qrscene_<code>) or scanned by a follower (<code>), it binds.
        .rule().async(false).msgType(EVENT).event(SUBSCRIBE).eventKeyRegex(ScanBindHandler.FOLLOWED_THROUGH_A_SLIP)
            .handler(scanBind).end()
        .rule().async(false).msgType(EVENT).event(SCAN).eventKeyRegex(ScanBindHandler.SLIP_SCENE)
            .handler(scanBind).end()
        .rule().async(false).msgType(EVENT).event(SUBSCRIBE).handler(subscribe).end()
        .rule().async(false).msgType(EVENT).event(UNSUBSCRIBE).handler(unsubscribe).end()
        .rule().async(false).msgType(EVENT).event(TEMPLATE_SEND_JOB_FINISH).handler(templateReport).end()
        .rule().async(false).msgType(EVENT).handler(otherEvent).end()
        .rule().async(false).msgType(TEXT).matcher(c.withArgument("bind")).handler(bind).end()
        // Staff commands act for the staff binding of this WeChat, never for a guardian binding it may also have.
        .rule().async(false).msgType(TEXT).content(c.word("dutySignIn")).handler(signIn).end()
        .rule().async(false).msgType(TEXT).content(c.word("dutySignOut")).handler(signOut).end()
        .rule().async(false).msgType(TEXT).content(c.word("unbind")).handler(unbind).end()
        .rule().async(false).msgType(TEXT).content(c.word("confirmUnbind")).handler(confirmUnbind).end()
        .rule().async(false).msgType(TEXT).matcher(c.withNumber("switch")).handler(switchChild).end()
        .rule().async(false).msgType(TEXT).content(c.word("letter")).handler(letter).end()
        .rule().async(false).msgType(TEXT).content(c.word("read")).handler(read).end()
        .rule().async(false).msgType(TEXT).content(c.word("apply")).handler(apply).end()
        .rule().async(false).msgType(TEXT).matcher(c.withArgument("leave")).handler(leave).end()
        .rule().async(false).msgType(TEXT).matcher(c.withArgument("cancelLeave")).handler(cancelLeave).end()
        .rule().async(false).msgType(TEXT).matcher(c.withArgument("pickup")).handler(pickup).end()
        .rule().async(false).msgType(TEXT).content(c.word("homeAlone")).handler(homeAlone).end()
        .rule().async(false).msgType(TEXT).content(c.word("cancelHomeAlone")).handler(cancelHomeAlone).end()
        .rule().async(false).msgType(TEXT).content(c.word("statements")).handler(statements).end()
        .rule().async(false).msgType(TEXT).matcher(answeringWhichChild).handler(whichChild).end()
        .rule().async(false).msgType(TEXT).matcher(Commands.NUMBERS).handler(pick).end()
        .rule().async(false).msgType(TEXT).content(c.word("confirm")).handler(confirm).end()
        .rule().async(false).msgType(TEXT).content(c.word("cancel")).handler(cancel).end()
        .rule().async(false).msgType(TEXT).content(c.word("status")).handler(status).end()
        .rule().async(false).msgType(TEXT).content(c.word("agreement")).handler(agreement).end()
        .rule().async(false).msgType(TEXT).content(c.word("withdraw")).handler(withdraw).end()
        .rule().async(false).msgType(TEXT).content(c.word("confirmWithdraw")).handler(confirmWithdraw).end()
        .rule().async(false).msgType(TEXT).content(c.word("decline")).handler(decline).end()
        .rule().async(false).msgType(TEXT).content(c.word("help")).handler(help).end()
        // 收到 is what parents type to the school: a notice's confirmation, even while an agreement waits for a
        // signature or an absence case for an answer (the rules below would take it as a name or as the answer).
        .rule().async(false).msgType(TEXT).matcher(c.acknowledging("confirmNotice")).handler(confirmNotice).end()
        .rule().async(false).msgType(TEXT).content(c.word("notices")).handler(notices).end()
        // The text right after 独自离校 / 取消独自离校 answers that question, not a waiting agreement.
        .rule().async(false).msgType(TEXT).matcher(homeAloneName).handler(homeAloneName).end()
        // A family with an open absence case and an agreement to sign: their registered name signs, any other text is
        // their answer to the school (not a failed signature); without a case the signing rule also gives the hint.
        .rule().async(false).msgType(TEXT).matcher(awaitingSignature.typingTheRegisteredName()).handler(sign).end()
        .rule().async(false).msgType(TEXT).matcher(openAbsenceCase).handler(absenceReply).end()
        .rule().async(false).msgType(TEXT).matcher(awaitingSignature).handler(sign).end()
        // A voice message with recognised text arrives here as text (SpokenText); without it the parent is asked to type.
        .rule().async(false).msgType(VOICE).handler(untranscribedVoice).end()
        .rule().async(false).handler(fallback).end();
  }
}
