package io.liaison.gateway.app;
public class Main { public static void main(String[] a) { System.out.println("hi"); } }
